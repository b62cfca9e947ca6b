package dev.igautomation.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;

/**
 * Identifiers the API hands out: a short type prefix and a ULID ({@code acc_01jfz...}), so they sort by creation
 * time, tell at a glance what they name, and can be made on any instance without coordination.
 */
public final class Ids {

	private Ids() {
	}

	public static String next(String prefix) {
		return prefix + "_" + UlidCreator.getMonotonicUlid().toLowerCase();
	}

	/**
	 * The id of something that follows from another thing, made the same every time it is made again (after a
	 * crash, say): the time part is {@code at}, the random part a SHA-256 of {@code cause}. It still sorts by time.
	 */
	public static String derived(String prefix, Instant at, String cause) {
		byte[] random = Arrays.copyOf(Sha256.of(cause.getBytes(StandardCharsets.UTF_8)), Ulid.RANDOM_BYTES);
		return prefix + "_" + new Ulid(at.toEpochMilli(), random).toLowerCase();
	}

}
