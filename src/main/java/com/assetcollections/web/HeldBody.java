package com.assetcollections.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.springframework.util.FastByteArrayOutputStream;

/**
 * A response whose body is held back in memory up to {@code limit} bytes, so that a filter can look
 * at the whole body (hash it, answer 304 instead) before anything is sent. A body that grows past
 * the limit is sent on from then on, as it is written, and is no longer held.
 */
final class HeldBody extends HttpServletResponseWrapper {

    private final int limit;
    /** The body so far while it is held; null once it is being sent on. */
    private FastByteArrayOutputStream held = new FastByteArrayOutputStream();

    private BodyStream stream;
    private PrintWriter writer;

    HeldBody(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    /** Whether the whole body is held here, none of it sent yet. */
    boolean holding() {
        return held != null;
    }

    /** The body held, once the handler is done with it. */
    InputStream body() {
        flushWriter();
        return held.getInputStream();
    }

    /** The length of the body held. */
    int size() {
        flushWriter();
        return held.size();
    }

    /** Sends the body held, with its length, once the handler is done with it. */
    void send() throws IOException {
        flushWriter();
        if (held.size() > 0) {
            super.setContentLength(held.size());
            held.writeTo(super.getOutputStream());
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        return stream();
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called for this response");
            }
            writer = new PrintWriter(new OutputStreamWriter(stream(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    /** Nothing is sent while the body is held: whether a body is sent at all is not decided yet. */
    @Override
    public void flushBuffer() throws IOException {
        if (!holding()) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        if (holding()) {
            held.reset();
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (holding()) {
            held.reset();
        }
        super.reset();
    }

    /** The container writes an error page in place of any body; nothing held is wanted any more. */
    @Override
    public void sendError(int status) throws IOException {
        held = null;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        held = null;
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        held = null;
        super.sendRedirect(location);
    }

    /** Moves what the writer still buffers into the body. */
    private void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    private BodyStream stream() {
        if (stream == null) {
            stream = new BodyStream();
        }
        return stream;
    }

    /** Sends on what is held, and from now on every write as it comes. */
    private void sendOn() throws IOException {
        FastByteArrayOutputStream sofar = held;
        held = null;
        sofar.writeTo(super.getOutputStream());
    }

    private final class BodyStream extends ServletOutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (holding() && held.size() + (long) length > limit) {
                sendOn();
            }
            if (holding()) {
                held.write(bytes, offset, length);
            } else {
                HeldBody.super.getOutputStream().write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!holding()) {
                HeldBody.super.getOutputStream().flush();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("the API writes its bodies synchronously");
        }
    }
}
