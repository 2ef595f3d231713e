package dev.passerelle.client;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The pages of a list, fetched one at a time as they are iterated: the first from the query, each
 * next one from what the previous page says (its {@code _links.next}, or the next offset). A server
 * that points back at a page already fetched (the same {@code next} again) ends the iteration with an
 * {@link ApiConnectionException} instead of looping for ever.
 *
 * @param <P> the page type
 */
public final class Pages<P> implements Iterable<P> {

    private final Supplier<P> first;
    private final Function<P, ?> cursor;
    private final Function<P, P> next;

    /**
     * @param first  the first page
     * @param cursor where a page says the next one is (its next href, its next offset)
     * @param next   the page after a page, or null after the last one
     */
    Pages(Supplier<P> first, Function<P, ?> cursor, Function<P, P> next) {
        this.first = first;
        this.cursor = cursor;
        this.next = next;
    }

    @Override
    public Iterator<P> iterator() {
        return new Iterator<>() {
            private final Set<Object> followed = new HashSet<>();
            private P upcoming;
            private P last;
            private boolean fetched;

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    upcoming = last == null ? first.get() : next.apply(unvisited(last));
                    fetched = true; // after the last page, stays fetched: nothing is asked again
                }
                return upcoming != null;
            }

            @Override
            public P next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                last = upcoming;
                upcoming = null;
                fetched = false;
                return last;
            }

            private P unvisited(P page) {
                Object at = cursor.apply(page);
                if (at != null && !followed.add(at)) {
                    throw new ApiConnectionException("The server pointed at a page it already sent (" + at
                            + "): paging stops rather than loop", null);
                }
                return page;
            }
        };
    }

    public Stream<P> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
