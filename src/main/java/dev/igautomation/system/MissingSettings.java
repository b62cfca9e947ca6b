package dev.igautomation.system;

import java.util.List;

/**
 * The service was started without settings it needs, or with one that does not fit its data (an encryption key that
 * does not decrypt the stored credentials); {@link MissingSettingsFailureAnalyzer} explains which.
 */
public class MissingSettings extends RuntimeException {

	private final List<String> settings;

	public MissingSettings(List<String> settings) {
		super("Missing or wrong settings: " + String.join("; ", settings));
		this.settings = List.copyOf(settings);
	}

	List<String> settings() {
		return settings;
	}

}
