import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes signed webhook bodies for the benchmarks, as Meta would send them: one message per body, ~1 KB each, every
 * mid unique to the run so that none is taken for a redelivery.
 *
 * <pre>
 * java BenchData.java singles FILE COUNT ACCOUNT PREFIX SECRET     # lines of "sha256=...\tbody"
 * java BenchData.java batch   FILE EVENTS ACCOUNT PREFIX SECRET    # one body of EVENTS events; FILE.sig its signature
 * java BenchData.java users   FILE USERS ACCOUNT PREFIX SECRET     # a message from each of USERS users (3000000000+i)
 * </pre>
 */
public class BenchData {

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		Path file = Path.of(args[1]);
		int count = Integer.parseInt(args[2]);
		String account = args[3];
		String prefix = args[4];
		byte[] secret = args[5].getBytes(StandardCharsets.UTF_8);
		long now = System.currentTimeMillis();
		String padding = "x".repeat(620);
		if ("singles".equals(mode)) {
			try (BufferedWriter out = Files.newBufferedWriter(file)) {
				for (int i = 0; i < count; i++) {
					String body = body(account, event(account, 1_000_000L + i % 5000, now + i, prefix + "-" + i,
							"Hello, is this still available? " + padding));
					out.write(sign(secret, body));
					out.write('\t');
					out.write(body);
					out.write('\n');
				}
			}
		}
		else {
			long senders = "users".equals(mode) ? 3_000_000_000L : 2_000_000L;
			StringBuilder events = new StringBuilder();
			for (int i = 0; i < count; i++) {
				events.append(i == 0 ? "" : ",")
					.append(event(account, senders + i, now + i, prefix + "-" + i, "message " + i));
			}
			String body = body(account, events.toString());
			Files.writeString(file, body);
			Files.writeString(Path.of(file + ".sig"), sign(secret, body));
		}
	}

	static String body(String account, String events) {
		return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + account + "\",\"time\":" + System.currentTimeMillis()
				+ ",\"messaging\":[" + events + "]}]}";
	}

	static String event(String account, long sender, long timestamp, String mid, String text) {
		return "{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"" + account + "\"},\"timestamp\":"
				+ timestamp + ",\"message\":{\"mid\":\"aWdfZAG1faWQ6" + mid + "\",\"text\":\"" + text + "\"}}";
	}

	static String sign(byte[] secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
