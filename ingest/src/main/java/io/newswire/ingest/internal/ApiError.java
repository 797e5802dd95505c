package io.newswire.ingest.internal;

import java.time.Duration;

/**
 * A request the API refuses, answered as {@code {"error", "message", "field"?}} with its status.
 * {@code error} is a stable machine-readable code; {@code message} says what is wrong in words a
 * newsroom developer can act on.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final String field;
  private final Duration retryAfter;

  private ApiError(int status, String error, String message, String field, Duration retryAfter) {
    super(message);
    this.status = status;
    this.error = error;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  public static ApiError badRequest(String field, String message) {
    return new ApiError(400, "bad_request", message, field, null);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message, null, null);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "forbidden", message, null, null);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message, null, null);
  }

  public static ApiError tooLarge(String message) {
    return new ApiError(413, "payload_too_large", message, null, null);
  }

  public static ApiError unsupportedType(String message) {
    return new ApiError(415, "unsupported_media_type", message, "Content-Type", null);
  }

  public static ApiError rateLimited(String message, Duration retryAfter) {
    return new ApiError(429, "rate_limited", message, null, retryAfter);
  }

  public static ApiError kafkaUnavailable(String message, Duration retryAfter) {
    return new ApiError(503, "kafka_unavailable", message, null, retryAfter);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  /** How long the client should wait before retrying, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
