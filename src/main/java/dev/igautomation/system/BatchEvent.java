package dev.igautomation.system;

import java.util.List;

/**
 * An event about several things at once (the events of one webhook transaction, say), which a listener that fails on
 * it can take apart and handle one by one, so that one bad part holds up none of the others.
 */
public interface BatchEvent<E extends BatchEvent<E>> {

	/** The same event, one part each; a single part answers itself. */
	List<E> parts();

}
