package com.acme.servicenow.emulator.data;

/** Dictionary types the emulator distinguishes; everything is stored as a string regardless. */
public enum FieldType {
  STRING, INTEGER, BOOLEAN, REFERENCE, CHOICE, JOURNAL, GLIDE_DATE_TIME
}
