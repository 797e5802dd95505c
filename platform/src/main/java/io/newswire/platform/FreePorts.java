package io.newswire.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on 127.0.0.1 for servers that are told their port before they bind it. All the
 * ports one caller needs are taken together, each held open until the last is found, so that
 * they differ: a port taken and let go at once may be the very one the system hands out next,
 * and a broker given the same port for clients and for its controller does not start.
 */
public final class FreePorts {
  private static final String HOST = "127.0.0.1";

  private FreePorts() {
  }

  /** {@code count} different ports that were free a moment ago. */
  public static int[] pick(int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket();
        sockets[i].bind(new InetSocketAddress(HOST, 0));
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + HOST, e);
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          try {
            socket.close();
          } catch (IOException e) {
            // a port this method only looked at
          }
        }
      }
    }
  }
}
