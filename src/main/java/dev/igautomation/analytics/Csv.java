package dev.igautomation.analytics;

/**
 * CSV lines as RFC 4180 writes them, and safe to open in a spreadsheet: a field that a spreadsheet would run as a
 * formula ({@code =}, {@code +}, {@code -}, {@code @}) gets a leading apostrophe, since message texts come from anyone.
 */
public final class Csv {

	private Csv() {
	}

	public static String line(Object... fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(field(fields[i]));
		}
		return line.append('\n').toString();
	}

	static String field(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
