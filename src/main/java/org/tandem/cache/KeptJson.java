package org.tandem.cache;

import java.io.IOException;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * Sends the JSON {@link HttpCaching} wrote to tag a response, instead of writing it a second time. A kept read's
 * ({@link ReadCache}) JSON is written once for every response that sends it: writing a page of a hundred items
 * was a fifth of the CPU of serving it from the cache. Any other response is written as usual.
 */
@Provider
public class KeptJson implements WriterInterceptor {

    /** The request property under which the response's JSON waits to be sent. */
    static final String SENDING = KeptJson.class.getName();

    /** {@code json}: {@code entity} as the JSON writer writes it. */
    record Sending(Object entity, byte[] json) {
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(SENDING) instanceof Sending sending && sending.entity() == context.getEntity()) {
            context.setEntity(sending.json());
            context.setType(byte[].class);
            context.setGenericType(byte[].class);
        }
        context.proceed();
    }
}
