package com.acme.servicenow.emulator.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/** 32-hex sys_ids, random or derived from a key (so that seeds produce the same ids after every reset). */
public final class SysIds {

  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

  private SysIds() {
  }

  public static String random() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  public static String derived(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean isSysId(String value) {
    return value != null && SYS_ID.matcher(value).matches();
  }
}
