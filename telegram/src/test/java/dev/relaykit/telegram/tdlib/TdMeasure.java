package dev.relaykit.telegram.tdlib;
import java.nio.file.*;
import java.time.Duration;
import java.util.concurrent.*;
/**
 * A rough probe, not JMH (the JMH benchmark is still to do): the cost of td_execute through JNA on the
 * real libtdjson, and updates decoded and dispatched per second through the real receive loop fed by
 * the scripted fake. Run under the build lock, after {@code -pl telegram -am verify}:
 * {@code flock /tmp/relaykit-build.lock java -cp <test classpath> dev.relaykit.telegram.tdlib.TdMeasure <libtdjson.so>}.
 */
public class TdMeasure {
  @SuppressWarnings("unchecked")
  public static void main(String[] a) throws Exception {
    NativeTdJson td = NativeTdJson.load(Path.of(a[0]));
    TdExecute.setLogVerbosityLevel(td, 1);
    String ver = "{\"@type\":\"getOption\",\"name\":\"version\"}";
    String md = "{\"@type\":\"parseTextEntities\",\"text\":\"*bold* _it_ [x](https://e.com)\",\"parse_mode\":{\"@type\":\"textParseModeMarkdown\",\"version\":2}}";
    for (int round = 0; round < 3; round++) {
      int n = 200_000;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) td.execute(ver);
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) td.execute(md);
      long t2 = System.nanoTime();
      System.out.printf("td_execute getOption(version): %.2f us/call; parseTextEntities: %.2f us/call%n", (t1-t0)/1e3/n, (t2-t1)/1e3/n);
    }
    // updates decoded and dispatched through the real receive loop (scripted input, not TDLib)
    for (int round = 0; round < 3; round++) {
      ScriptedTdJson fake = new ScriptedTdJson();
      int n = 500_000;
      CountDownLatch done = new CountDownLatch(1);
      int[] count = {0};
      TdClient c = TdClient.builder(fake).apiId(1).apiHash("h").listener(new TdListener() {
        public void onNewMessage(TdClient cl, Message m) { if (++count[0] == n) done.countDown(); }
      }).build();
      c.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
      String msg = "{\"@type\":\"updateNewMessage\",\"message\":{\"@type\":\"message\",\"id\":1048576,\"sender_id\":{\"@type\":\"messageSenderUser\",\"user_id\":777},\"chat_id\":-100123,\"date\":1733480000,\"content\":{\"@type\":\"messageText\",\"text\":{\"@type\":\"formattedText\",\"text\":\"hello world\",\"entities\":[]}}},\"@client_id\":" + c.clientId() + "}";
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) fake.pushRaw(msg);
      done.await(120, TimeUnit.SECONDS);
      long t1 = System.nanoTime();
      System.out.printf("updateNewMessage decoded+dispatched through the receive loop: %.0f k/s%n", n / ((t1 - t0) / 1e9) / 1e3);
      c.close();
    }
  }
}
