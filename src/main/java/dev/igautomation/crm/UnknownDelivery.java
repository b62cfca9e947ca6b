package dev.igautomation.crm;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No delivery with this id that the caller's key may see. */
class UnknownDelivery extends ProblemException {

	UnknownDelivery(String id) {
		super(HttpStatus.NOT_FOUND, "delivery_not_found", "Delivery not found",
				"There is no delivery '%s' that this API key may see.".formatted(id));
	}

}
