package io.newswire.schemas.registry;

/**
 * A schema registry operation that failed, carrying the Confluent Schema Registry error code that
 * the REST API answers with ({@code {"error_code": ..., "message": ...}}).
 *
 * <p>Five-digit codes map to the HTTP status formed by their first three digits (40401 is a 404);
 * three-digit codes are the status itself (409).
 */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_SOFT_DELETED = 40404;
  public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
  public static final int VERSION_SOFT_DELETED = 40406;
  public static final int VERSION_NOT_SOFT_DELETED = 40407;
  public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int STORE_ERROR = 50001;
  public static final int OPERATION_TIMEOUT = 50002;

  private final int errorCode;

  public RegistryException(int errorCode, String message) {
    this(errorCode, message, null);
  }

  public RegistryException(int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /** The Confluent error code, e.g. 40401. */
  public int errorCode() {
    return errorCode;
  }

  /** The HTTP status the REST API answers with for this error. */
  public int httpStatus() {
    return errorCode >= 10_000 ? errorCode / 100 : errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(String subject, int version) {
    return new RegistryException(VERSION_NOT_FOUND,
        "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryException schemaNotFound(String what) {
    return new RegistryException(SCHEMA_NOT_FOUND, "Schema " + what + " not found.");
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(INVALID_VERSION, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
        + " \"latest\"");
  }
}
