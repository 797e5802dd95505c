package io.newswire.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs over persistent HTTP/1.1 connections, one per sender thread, for the bench's single
 * pushes: a load generator that costs little of the cores it shares with the pipeline it
 * measures. A push waits for a free sender; the caller counts its latency from when it was due,
 * so waiting here is counted too. Nothing is sent twice: a push whose connection fails fails.
 * Plain HTTP only, answers with a length or chunked.
 */
final class PushClient implements AutoCloseable {
  private static final int CONNECT_MILLIS = 5_000;
  private static final int READ_MILLIS = 30_000;

  /** An answer: its status and its body as text. */
  record Answer(int status, String body) {
  }

  private final String host;
  private final int port;
  private final ExecutorService senders;
  private final ThreadLocal<Connection> connection = new ThreadLocal<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();

  PushClient(URI base, int senderCount) {
    if (!"http".equals(base.getScheme())) {
      throw new IllegalArgumentException("plain http only, not " + base);
    }
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
    AtomicInteger number = new AtomicInteger();
    this.senders = Executors.newFixedThreadPool(senderCount, r -> {
      Thread thread = new Thread(r, "bench-push-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Sends {@code body} to {@code pathAndQuery} with {@code headers} once a sender is free. */
  CompletableFuture<Answer> post(String pathAndQuery, Map<String, String> headers,
      byte[] body) {
    StringBuilder head = new StringBuilder(256).append("POST ").append(pathAndQuery)
        .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    return CompletableFuture.supplyAsync(() -> {
      Connection c = connection.get();
      try {
        if (c == null) {
          c = new Connection(host, port);
          open.add(c);
          connection.set(c);
        }
        Answer answer = c.exchange(request, body);
        if (c.closing) {
          drop(c);
        }
        return answer;
      } catch (IOException | RuntimeException e) {
        // Whatever is left unread on the connection would be taken for the next answer.
        if (c != null) {
          drop(c);
        }
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
    }, senders);
  }

  private void drop(Connection c) {
    open.remove(c);
    connection.remove();
    c.close();
  }

  @Override
  public void close() {
    senders.shutdownNow();
    open.forEach(Connection::close);
    open.clear();
  }

  /** One persistent connection. */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    /** The server said it closes the connection after this answer. */
    boolean closing;

    Connection(String host, int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
      socket.setSoTimeout(READ_MILLIS);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    Answer exchange(byte[] head, byte[] body) throws IOException {
      out.write(head);
      out.write(body);
      out.flush();
      String status = line();
      if (!status.startsWith("HTTP/1.") || status.length() < 12) {
        throw new IOException("not an HTTP answer: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.contains("chunked");
          case "connection" -> closing = value.contains("close");
          default -> {
          }
        }
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream(256);
      if (chunked) {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
          copy(size, answer);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (length >= 0) {
        copy(length, answer);
      } else {
        // No length: the body runs to the end of the connection.
        closing = true;
        in.transferTo(answer);
      }
      return new Answer(code, answer.toString(StandardCharsets.UTF_8));
    }

    private long chunkSize() throws IOException {
      String size = line();
      int extension = size.indexOf(';');
      return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private void copy(long length, ByteArrayOutputStream to) throws IOException {
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, length))];
      long left = length;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          throw new IOException("connection closed " + left + " bytes before the answer's end");
        }
        to.write(buffer, 0, read);
        left -= read;
      }
    }

    /** One line of the head, without its CRLF. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed by the server");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
