package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Report;
import dev.benchrun.model.Session;
import dev.benchrun.model.Verdict;
import dev.benchrun.testing.Golden;
import dev.benchrun.testing.PairedFixtures;
import org.junit.jupiter.api.Test;

/** The compare JSON of an A/B session's two sides, judged by their pairs, is sealed here. */
class PairedCompareGoldenTest {

    @Test
    void pairedCompareJsonIsSealed() throws Exception {
        var comparison = PairedFixtures.comparison();
        String json = Format.JSON.render(Report.of(comparison), RenderOptions.PLAIN);
        Golden.assertMatches("compare-paired.json", json);
        assertThat(Json.MAPPER.readValue(json, Comparison.class)).isEqualTo(comparison);
    }

    @Test
    void theFixtureHoldsEveryPairedOutcome() {
        var comparison = PairedFixtures.comparison();
        assertThat(comparison.benchmarks())
                .extracting(Delta::id, Delta::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("x25519_keygen", Verdict.REGRESSION),
                        org.assertj.core.groups.Tuple.tuple("aes256gcm_encrypt_1k", Verdict.NO_CHANGE),
                        org.assertj.core.groups.Tuple.tuple("packet_throughput", Verdict.IMPROVEMENT),
                        org.assertj.core.groups.Tuple.tuple("parse_frame", Verdict.INCONCLUSIVE),
                        org.assertj.core.groups.Tuple.tuple("connection_state_size", Verdict.NOT_COMPARED));
        var inconclusive = comparison.benchmarks().get(3);
        assertThat(inconclusive.pairing().stopped()).isEqualTo(Session.Stop.MOST_PAIRS);
        assertThat(inconclusive.pairing().morePairs()).isPositive();
        assertThat(comparison.benchmarks().get(4).pairing()).isNull();
        assertThat(comparison.onlyInBaseline()).containsExactly("removed_later");
        assertThat(comparison.warnings()).contains(PairedFixtures.NOT_PAIRED + " has no pair to judge: time spent");
        assertThat(comparison.pairing().looks()).containsExactly(15);
        assertThat(comparison.pairing().session()).isEqualTo(PairedFixtures.CANDIDATE_ID);
    }
}
