package com.acme.servicenow.emulator.http;

/** Ends request handling with ServiceNow's error envelope {@code {"error":{"message","detail"},"status":"failure"}}. */
public class ApiException extends RuntimeException {

  private final int status;
  private final String detail;

  public ApiException(int status, String message, String detail) {
    super(message, null, false, false);
    this.status = status;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return detail;
  }

  public ApiResponse toResponse() {
    return ApiResponse.error(status, getMessage(), detail);
  }

  public static ApiException invalidUri() {
    return new ApiException(400, "Requested URI does not represent any resource", null);
  }

  public static ApiException noRecord() {
    return new ApiException(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
  }

  public static ApiException invalidJson() {
    return new ApiException(400, "Exception while reading request", "The payload is not valid JSON.");
  }

  public static ApiException notAuthenticated() {
    return new ApiException(401, "User Not Authenticated", "Required to provide Auth information");
  }
}
