package dev.igautomation.system;

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

}
