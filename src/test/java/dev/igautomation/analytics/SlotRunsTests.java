package dev.igautomation.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The ranges a refresh recomputes: consecutive changed slots together, and one range when they are scattered. */
class SlotRunsTests {

	@Test
	void consecutiveSlotsMakeOneRange() {
		List<long[]> runs = AnalyticsRollup.runs(new TreeSet<>(List.of(10L, 11L, 12L, 40L)));

		assertThat(runs).containsExactly(new long[] { 10, 13 }, new long[] { 40, 41 });
	}

	@Test
	void slotsScatteredOverMonthsMakeOneRangeFromFirstToLast() {
		TreeSet<Long> everyOtherDay = new TreeSet<>();
		LongStream.range(0, 60).forEach(day -> everyOtherDay.add(day * 192));

		assertThat(AnalyticsRollup.runs(everyOtherDay)).containsExactly(new long[] { 0, 59 * 192 + 1 });
	}

}
