package dev.relaykit.testkit.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    /** The docs' example: auth for socket 1234.1234 on private-foobar with key 278d425bdf160c739803 / secret 7ad3773142a6692b25b8. */
    @Test
    void signsAsTheChannelAuthorizationDocsShow() {
        Signatures s = new Signatures("278d425bdf160c739803", "7ad3773142a6692b25b8");
        assertThat(s.sign("1234.1234:private-foobar"))
                .isEqualTo("58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
        assertThat(s.verify("1234.1234:private-foobar",
                "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4")).isTrue();
        assertThat(s.verify("1234.1234:private-foobar", "58df8b0c")).isFalse();
        assertThat(s.verify("1234.1234:private-foobar", null)).isFalse();
    }

    /** Connections subscribe from several server threads at once; a shared Mac once failed good signatures. */
    @Test
    void verifiesCorrectlyFromManyThreadsAtOnce() throws Exception {
        Signatures s = new Signatures("key", "secret");
        Signatures reference = new Signatures("key", "secret");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            expected.add(reference.sign(i + ".1:private-channel-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(() -> {
                    int failed = 0;
                    for (int i = 0; i < 2000; i++) {
                        failed += s.verify(i + ".1:private-channel-" + i, expected.get(i)) ? 0 : 1;
                    }
                    return failed;
                });
            }
            int failed = 0;
            for (Future<Integer> f : pool.invokeAll(work)) {
                failed += f.get();
            }
            assertThat(failed).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
