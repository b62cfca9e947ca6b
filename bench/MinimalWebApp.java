package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference of bench/startup.sh: the smallest Spring Boot web application (webmvc, one controller), built by the
 * script with the same Spring Boot version as the service. Its start-up is what the service's is compared with.
 */
@SpringBootApplication
@RestController
public class MinimalWebApp {

	public static void main(String[] args) {
		SpringApplication.run(MinimalWebApp.class, args);
	}

	@GetMapping("/health")
	String health() {
		return "{\"status\":\"UP\"}";
	}

}
