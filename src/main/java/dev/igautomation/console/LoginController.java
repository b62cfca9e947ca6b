package dev.igautomation.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.igautomation.operator.Operators;
import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages before logging in: the login form, the first admin's setup from the link printed at the first start, and
 * choosing a password from an invitation or reset link.
 */
@Controller
class LoginController {

	private final Operators operators;

	LoginController(Operators operators) {
		this.operators = operators;
	}

	@GetMapping("/login")
	String login() {
		return "login/login";
	}

	@RequestMapping(LockedLoginFilter.LOCKED_PAGE)
	String locked(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(LockedLoginFilter.RETRY_AFTER) instanceof Long retryAfter)) {
			return "redirect:/login";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
		model.addAttribute("lockedMinutes", (retryAfter + 59) / 60);
		return "login/login";
	}

	@GetMapping("/setup")
	String setup(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return linkPage("setup", token, new PasswordForm(token), model, response);
	}

	@PostMapping("/setup")
	String completeSetup(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
			HttpServletResponse response, Model model) {
		checkConfirmation(form, result);
		if (form.getDisplayName() == null || form.getDisplayName().isBlank()) {
			result.rejectValue("displayName", "required", "is required");
		}
		if (!result.hasErrors()) {
			try {
				operators.completeSetup(form.getToken(), form.getEmail(), form.getDisplayName(), form.getPassword());
				return "redirect:/login?ready";
			}
			catch (ProblemException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return linkPage("setup", form.getToken(), form, model, response);
	}

	@GetMapping("/invite")
	String invite(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return linkPage("invite", token, new PasswordForm(token), model, response);
	}

	@PostMapping("/invite")
	String choosePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		checkConfirmation(form, result);
		if (!result.hasErrors()) {
			try {
				operators.choosePassword(form.getToken(), form.getPassword());
				return "redirect:/login?ready";
			}
			catch (ProblemException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return linkPage("invite", form.getToken(), form, model, response);
	}

	private String linkPage(String page, String token, PasswordForm form, Model model, HttpServletResponse response) {
		var link = operators.link(token)
			.filter(found -> "setup".equals(page) == "setup".equals(found.purpose()));
		if (link.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("status", 410);
			model.addAttribute("title", "This link no longer works");
			model.addAttribute("detail", "It was used already or has expired. Ask an admin for a new one"
					+ ("setup".equals(page) ? ", or restart the service to print a new setup link." : "."));
			return "error/page";
		}
		model.addAttribute("form", form);
		model.addAttribute("purpose", link.get().purpose());
		model.addAttribute("linkEmail", link.get().email());
		return "login/password";
	}

	private static void checkConfirmation(PasswordForm form, BindingResult result) {
		if (form.getPassword() != null && !form.getPassword().equals(form.getConfirmation())) {
			result.rejectValue("confirmation", "mismatch", "does not match the password");
		}
	}

	/** The fields of the setup and password pages; email and name only for the first setup. */
	static class PasswordForm {

		private String token;

		@Size(max = 254, message = "must be at most 254 characters")
		private String email;

		@Size(max = 100, message = "must be at most 100 characters")
		private String displayName;

		@NotBlank(message = "is required")
		private String password;

		private String confirmation;

		PasswordForm() {
		}

		PasswordForm(String token) {
			this.token = token;
		}

		public String getToken() {
			return token;
		}

		public void setToken(String token) {
			this.token = token;
		}

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getConfirmation() {
			return confirmation;
		}

		public void setConfirmation(String confirmation) {
			this.confirmation = confirmation;
		}

	}

}
