package dev.igautomation.privacy;

import java.time.Instant;

import dev.igautomation.system.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Meta's data-deletion callback: set {@code https://<your host>/webhooks/instagram/data-deletion} as the app's
 * "Data deletion request URL". Public, like the webhooks; Meta's signature is what authenticates it.
 */
@RestController
@Tag(name = "Meta callbacks", description = "Called by Meta, signed with the app secret")
class DataDeletionController {

	private static final String PATH = "/webhooks/instagram/data-deletion";

	private final SignedRequests signedRequests;

	private final DataDeletions deletions;

	DataDeletionController(SignedRequests signedRequests, DataDeletions deletions) {
		this.signedRequests = signedRequests;
		this.deletions = deletions;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(operationId = "requestDataDeletion",
			summary = "Delete a user's data (Meta's data-deletion callback)", description = """
			Meta posts `signed_request` when a user removes the app and asks for their data to be deleted. Once it is \
			verified, the user's messages, the messages sent to them, the CRM deliveries about them, their pauses and \
			their cached profile are deleted, and the answer gives the URL where the deletion's status can be read.""")
	@ErrorAnswer(status = 401, code = "invalid_signed_request",
			description = "signed_request is not signed with the app secret: nothing is deleted.")
	DeletionAnswer delete(@RequestParam("signed_request") String signedRequest) {
		String userId = signedRequests.userId(signedRequest);
		DataDeletions.Request request = deletions.delete(userId);
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(PATH + "/{code}")
			.buildAndExpand(request.confirmationCode())
			.toUriString();
		return new DeletionAnswer(url, request.confirmationCode());
	}

	@GetMapping(PATH + "/{confirmationCode}")
	@Operation(operationId = "getDataDeletionStatus",
			summary = "The status of a data-deletion request", description = "The URL given to Meta and the user.")
	@ErrorAnswer(status = 404, code = "deletion_request_not_found", description = "No request with this code.")
	DeletionStatus status(@PathVariable String confirmationCode) {
		DataDeletions.Request request = deletions.find(confirmationCode)
			.orElseThrow(() -> new UnknownDeletionRequest(confirmationCode));
		return new DeletionStatus(request.confirmationCode(), request.status(), request.requestedAt(),
				request.completedAt());
	}

	record DeletionAnswer(@Schema(description = "Where the deletion's status can be read") String url,
			@Schema(example = "del_01jfz6w8k3m2r5t7v9x1y3z5b7") String confirmationCode) {
	}

	record DeletionStatus(String confirmationCode, @Schema(allowableValues = "completed") String status,
			Instant requestedAt, @Nullable Instant completedAt) {
	}

}
