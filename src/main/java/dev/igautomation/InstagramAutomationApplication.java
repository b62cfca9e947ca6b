package dev.igautomation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Instagram Automation: a self-hosted router between Instagram Direct and a business's CRM.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InstagramAutomationApplication {

	public static void main(String[] args) {
		SpringApplication.run(InstagramAutomationApplication.class, args);
	}

}
