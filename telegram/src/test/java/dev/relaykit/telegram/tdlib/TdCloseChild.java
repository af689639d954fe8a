package dev.relaykit.telegram.tdlib;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM for {@link TdCloseNativeTest}: each mode drives the REAL libtdjson through one way of
 * ending a client, prints {@code RESULT ...} lines, and returns from {@code main} (a normal JVM exit).
 * TDLib aborts a process (SIGABRT, exit code 134) for some mistakes; in a child that only fails the test,
 * not the build's JVM.
 */
public final class TdCloseChild {
    private TdCloseChild() {
    }

    static TdClient.Builder client(TdJson td, Path dir) {
        return TdClient.builder(td).apiId(94575).apiHash("a3406de8d171bb422bb6ddf3bbd800e2")
                .databaseDirectory(dir.resolve("db")).filesDirectory(dir.resolve("files"))
                .databases(false, false, false).closeTimeout(Duration.ofSeconds(20));
    }

    static void result(String what, Object value) {
        System.out.println("RESULT " + what + "=" + value);
        System.out.flush();
    }

    private static String state(TdClient c) {
        AuthorizationState s = c.authorizationState();
        return s == null ? "none" : s.getClass().getSimpleName();
    }

    /**
     * @param args the mode, then the library file
     * @throws Exception anything fails the child (exit code 1)
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        NativeTdJson td = NativeTdJson.load(Path.of(args[1]));
        TdExecute.setLogVerbosityLevel(td, 1);
        Path dir = Files.createTempDirectory("relaykit-tdclose");
        Duration wait = Duration.ofSeconds(30);
        switch (mode) {
            case "exit-with-open-clients" -> {
                // several open clients make TDLib's exit-time abort likely without RelayKit's exit hook
                List<TdClient> open = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    open.add(client(td, dir.resolve("c" + i)).build());
                }
                for (TdClient c : open) {
                    c.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, wait);
                }
                result("open", open.size());
            }
            case "logout-then-close" -> {
                TdClient c = client(td, dir).build();
                c.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, wait);
                c.logOut().handle((v, x) -> null).get(30, TimeUnit.SECONDS);
                c.awaitAuthorization(AuthorizationState.LoggingOut.class, wait);
                c.close();
                result("logout-then-close", state(c));
            }
            case "close-paths" -> {
                TdClient early = client(td, dir.resolve("early")).build();
                early.close();
                result("close-right-after-create", state(early));

                TdClient twice = client(td, dir.resolve("twice")).build();
                twice.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, wait);
                twice.close();
                twice.close();
                result("close-twice", state(twice));

                CountDownLatch returned = new CountDownLatch(1);
                TdClient inside = client(td, dir.resolve("inside")).listener(new TdListener() {
                    @Override
                    public void onAuthorizationState(TdClient client, AuthorizationState s) {
                        if (s instanceof AuthorizationState.WaitPhoneNumber) {
                            client.close();
                            returned.countDown();
                        }
                    }
                }).build();
                result("close-in-listener-returned", returned.await(30, TimeUnit.SECONDS));
                inside.closedFuture().get(30, TimeUnit.SECONDS);
                result("close-in-listener", state(inside));
            }
            case "two-receive-threads" -> {
                // two receive loops on one library (a wrapper TdJson would start a second): never at once
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        for (int k = 0; k < 3; k++) {
                            td.receive(0.3);
                        }
                    });
                    t.start();
                    threads.add(t);
                }
                go.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                result("two-receive-threads", "done");
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }
}
