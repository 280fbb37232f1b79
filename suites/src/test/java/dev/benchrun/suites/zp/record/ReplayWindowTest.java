package dev.benchrun.suites.zp.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class ReplayWindowTest {

  /** Against a plain model: accepted iff never seen and fewer than 64 behind the highest seen. */
  @Property(tries = 300)
  void agreesWithASetModel(@ForAll @Size(max = 300) List<@LongRange(min = 0, max = 400) Long> arrivals) {
    var window = new ReplayWindow();
    var seen = new HashSet<Long>();
    long highest = -1;
    for (long seq : arrivals) {
      boolean expected = !seen.contains(seq) && (seq > highest || highest - seq < ReplayWindow.SIZE);
      assertThat(window.mayAccept(seq)).as("seq %d after highest %d", seq, highest).isEqualTo(expected);
      if (expected) {
        window.accept(seq);
        seen.add(seq);
        highest = Math.max(highest, seq);
      }
    }
  }
}
