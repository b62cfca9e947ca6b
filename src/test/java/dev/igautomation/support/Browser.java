package dev.igautomation.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for the whole test run, driven by Selenium through Debian's chromedriver, started on first
 * use and closed when the JVM exits. Its time zone is set (Asia/Kolkata, half an hour off any whole-hour zone) so
 * that tests see pages follow the browser's zone. Where no Chromium is installed the browser tests are skipped, with
 * a message saying so; under CI (the {@code CI} variable set) they fail instead, since {@code .ci/run} installs it.
 */
public final class Browser {

	public static final String TIME_ZONE = "Australia/Adelaide";

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static ChromeDriver driver;

	private Browser() {
	}

	public static synchronized ChromeDriver driver() {
		if (driver == null) {
			boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
			if (!installed && System.getenv("CI") != null) {
				throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver; "
						+ ".ci/run installs them.");
			}
			Assumptions.assumeTrue(installed, "Browser tests SKIPPED: no /usr/bin/chromium and /usr/bin/chromedriver "
					+ "here (apt-get install chromium chromium-driver)");
			driver = start();
			Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
		}
		return driver;
	}

	private static ChromeDriver start() {
		try {
			Path profile = Files.createTempDirectory("chromium-profile");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			// The machine's network is closed: no background calls, no component updates, no sync.
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.withEnvironment(Map.of("TZ", TIME_ZONE))
				.build();
			ChromeDriver chrome = new ChromeDriver(service, options);
			chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			// A click that submits a form returns before the next page has loaded: look for what it shows a while.
			chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
			return chrome;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static WebDriverWait waiting(ChromeDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	/**
	 * Saves the whole page, at each width, as {@code target/screenshots/<name>-<width>.png}: the viewport is set to the
	 * width (and then to the page's height) through the DevTools protocol, as a phone or a desktop window would be.
	 */
	public static void screenshot(ChromeDriver driver, String name, List<Integer> widths) {
		try {
			Path folder = Path.of("target", "screenshots");
			Files.createDirectories(folder);
			for (int width : widths) {
				long height = 900;
				for (int pass = 0; pass < 3; pass++) {
					driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
							(int) Math.min(height, 6000), "deviceScaleFactor", 1, "mobile", width < 600));
					height = (Long) ((JavascriptExecutor) driver)
						.executeScript("return Math.max(document.documentElement.scrollHeight, 600);");
				}
				File shot = driver.getScreenshotAs(OutputType.FILE);
				Files.copy(shot.toPath(), folder.resolve(name + "-" + width + ".png"),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
