#!/usr/bin/env node
// End-to-end client for Tracedeck: sends one small agent trace through each real OpenTelemetry JS exporter
// and prints, per exporter, one JSON line describing exactly what the exporter handed over the wire, so the
// C++ test (test_otel_js.cpp) can compare it with what Tracedeck stored.
//
// usage: node otel-client.mjs <base-url> <run-id> [exporter ...]
//   base-url  Tracedeck's listener, e.g. http://127.0.0.1:4318
//   run-id    makes service names unique: e2e-<exporter>-<run-id>
//   exporter  any of otlp-http, otlp-http-gzip, otlp-proto, zipkin (default: otlp-http otlp-proto zipkin)
//
// Output, one line per exporter:
//   {exporter, errors:[…], service, traceId, resource:{…}, requests:[{method, path, contentType, contentEncoding,
//    transferEncoding, bytes, status, answer}], spans:[{spanId, parentSpanId, name, kind, status, statusMessage,
//    startNs, endNs, attributes:{…}, events:[{name, timeNs, attributes}]}]}
// kind is the OTLP number (1 internal, 2 server, 3 client, 4 producer, 5 consumer), status the OTLP code
// (0 unset, 1 ok, 2 error); times are decimal strings of Unix nanoseconds (they exceed 2^53).
//
// Exit status: 0 when every export succeeded, 1 when one failed, 2 on bad usage.

import http from 'node:http';

import { context, diag, DiagConsoleLogger, DiagLogLevel, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

const EXPORTERS = {
    'otlp-http': { path: '/v1/traces', create: (url) => new OtlpHttpJsonExporter({ url }) },
    'otlp-http-gzip': { path: '/v1/traces', create: (url) => new OtlpHttpJsonExporter({ url, compression: 'gzip' }) },
    'otlp-proto': { path: '/v1/traces', create: (url) => new OtlpProtoExporter({ url }) },
    zipkin: { path: '/api/v2/spans', create: (url) => new ZipkinExporter({ url }) },
};
const DEFAULT_EXPORTERS = ['otlp-http', 'otlp-proto', 'zipkin'];

// Passes every call through to the real exporter and keeps the spans it was given and the results it reported:
// the BatchSpanProcessor only logs a failed export, so this is how a failure reaches the exit status.
class RecordingExporter {
    constructor(inner) {
        this.inner = inner;
        this.spans = [];
        this.results = [];
    }

    export(spans, resultCallback) {
        this.spans.push(...spans);
        this.inner.export(spans, (result) => {
            this.results.push(result);
            resultCallback(result);
        });
    }

    forceFlush() {
        return this.inner.forceFlush ? this.inner.forceFlush() : Promise.resolve();
    }

    shutdown() {
        return this.inner.shutdown();
    }
}

// A pass-through HTTP proxy in front of Tracedeck that notes how each request went over the wire: content type,
// content encoding, framing, the answer's status and body (partial rejections ride in a 2xx body). The request
// body is streamed on unchanged, with the client's own framing headers (chunked stays chunked).
async function startRecordingProxy(target) {
    const upstreamUrl = new URL(target);
    const requests = [];
    const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'host']);
    const server = http.createServer((req, res) => {
        const record = {
            method: req.method,
            path: req.url,
            contentType: req.headers['content-type'] ?? '',
            contentEncoding: req.headers['content-encoding'] ?? '',
            transferEncoding: req.headers['transfer-encoding'] ?? '',
            bytes: 0,
            status: 0,
            answer: '',
        };
        requests.push(record);
        const headers = {};
        for (const [name, value] of Object.entries(req.headers))
            if (!hopByHop.has(name)) headers[name] = value;
        headers.host = upstreamUrl.host;
        const upstream = http.request(
            { hostname: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url, headers },
            (answer) => {
                record.status = answer.statusCode ?? 0;
                const answerHeaders = {};
                for (const [name, value] of Object.entries(answer.headers))
                    if (!hopByHop.has(name)) answerHeaders[name] = value;
                res.writeHead(record.status, answerHeaders);
                const chunks = [];
                answer.on('data', (chunk) => {
                    chunks.push(chunk);
                    res.write(chunk);
                });
                answer.on('end', () => {
                    const body = Buffer.concat(chunks);
                    // Protobuf answers are binary: keep them as base64.
                    record.answer = /json|text/.test(answer.headers['content-type'] ?? '')
                        ? body.toString('utf8').slice(0, 2000)
                        : body.toString('base64').slice(0, 2000);
                    res.end();
                });
            },
        );
        upstream.on('error', (error) => {
            record.status = 502;
            record.error = error.message;
            if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
            res.end(`proxy: ${error.message}`);
        });
        req.on('data', (chunk) => {
            record.bytes += chunk.length;
            upstream.write(chunk);
        });
        req.on('end', () => upstream.end());
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
    });
    return {
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        close: () =>
            new Promise((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

// [seconds, nanoseconds] at `base` plus an offset in nanoseconds: explicit, sub-millisecond times let the test
// check that nanoseconds survive each wire format (and how Zipkin's microseconds round them).
function at(base, offsetNs) {
    const total = base + BigInt(offsetNs);
    return [Number(total / 1_000_000_000n), Number(total % 1_000_000_000n)];
}

function hrTimeToNs(time) {
    return (BigInt(time[0]) * 1_000_000_000n + BigInt(time[1])).toString();
}

// A chat request handled by an agent: SERVER root → INTERNAL agent run → CLIENT LLM call, and a failing tool.
function emitChatTrace(tracer, runId) {
    // Whole milliseconds from the wall clock plus a fixed odd nanosecond part.
    const base = BigInt(Date.now()) * 1_000_000n + 123_457n;

    const root = tracer.startSpan(
        'POST /chat',
        {
            kind: SpanKind.SERVER,
            startTime: at(base, 0),
            attributes: {
                'http.request.method': 'POST',
                'http.route': '/chat',
                'url.scheme': 'http',
                'url.path': '/chat',
                'server.address': 'chat.example.internal',
                'server.port': 8080,
                'user_agent.original': 'tracedeck-e2e/1.0',
                'e2e.run_id': runId,
            },
        },
        context.active(),
    );
    const rootContext = trace.setSpan(context.active(), root);

    const agent = tracer.startSpan(
        'agent.run',
        {
            kind: SpanKind.INTERNAL,
            startTime: at(base, 1_250_001),
            attributes: {
                'gen_ai.operation.name': 'invoke_agent',
                'gen_ai.agent.name': 'weather-assistant',
                'agent.max_steps': 8,
                'agent.score': 0.875,
                'agent.streaming': true,
                'agent.tools': ['get_weather', 'search_docs'],
            },
        },
        rootContext,
    );
    const agentContext = trace.setSpan(rootContext, agent);

    const llm = tracer.startSpan(
        'chat gpt-4o',
        {
            kind: SpanKind.CLIENT,
            startTime: at(base, 3_000_499),
            attributes: {
                'gen_ai.operation.name': 'chat',
                'gen_ai.provider.name': 'openai',
                'gen_ai.request.model': 'gpt-4o',
                'gen_ai.request.temperature': 0.2,
                'gen_ai.request.max_tokens': 512,
                'server.address': 'api.openai.com',
                'server.port': 443,
            },
        },
        agentContext,
    );
    llm.setAttributes({
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.response.id': `chatcmpl-e2e-${runId}`,
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.usage.input_tokens': 1200,
        'gen_ai.usage.output_tokens': 300,
        'gen_ai.input.messages': JSON.stringify([
            { role: 'user', parts: [{ type: 'text', content: 'What is the weather in Paris today?' }] },
        ]),
        'gen_ai.output.messages': JSON.stringify([
            {
                role: 'assistant',
                parts: [{ type: 'text', content: 'It is 18 °C and sunny in Paris today.' }],
                finish_reason: 'stop',
            },
        ]),
    });
    llm.end(at(base, 1_843_000_500));

    const tool = tracer.startSpan(
        'execute_tool get_weather',
        {
            kind: SpanKind.INTERNAL,
            startTime: at(base, 1_845_000_000),
            attributes: {
                'gen_ai.operation.name': 'execute_tool',
                'gen_ai.tool.name': 'get_weather',
                'gen_ai.tool.call.id': 'call_e2e_1',
                'error.type': 'WeatherServiceError',
            },
        },
        agentContext,
    );
    const failure = new Error('weather service unavailable (HTTP 503)');
    failure.name = 'WeatherServiceError';
    tool.recordException(failure, at(base, 1_900_000_001));
    tool.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
    tool.end(at(base, 1_900_000_750));

    agent.end(at(base, 1_950_000_000));
    root.setAttribute('http.response.status_code', 200);
    root.end(at(base, 1_960_000_003));
}

function describeSpan(span) {
    return {
        spanId: span.spanContext().spanId,
        parentSpanId: span.parentSpanContext?.spanId ?? '',
        name: span.name,
        kind: span.kind + 1, // the API's INTERNAL is 0; OTLP's is 1
        status: span.status.code,
        statusMessage: span.status.message ?? '',
        startNs: hrTimeToNs(span.startTime),
        endNs: hrTimeToNs(span.endTime),
        attributes: span.attributes,
        events: span.events.map((event) => ({
            name: event.name,
            timeNs: hrTimeToNs(event.time),
            attributes: event.attributes ?? {},
        })),
    };
}

async function runExporter(name, baseUrl, runId) {
    const proxy = await startRecordingProxy(baseUrl);
    const recorder = new RecordingExporter(EXPORTERS[name].create(proxy.url + EXPORTERS[name].path));
    const service = `e2e-${name}-${runId}`;
    const provider = new NodeTracerProvider({
        // The SDK's own attributes (telemetry.sdk.*) under ours, as the Node SDK sets up a resource.
        resource: defaultResource().merge(
            resourceFromAttributes({
                [ATTR_SERVICE_NAME]: service,
                [ATTR_SERVICE_VERSION]: '1.4.2',
                'deployment.environment.name': 'e2e',
            }),
        ),
        // One batch, sent by forceFlush: the delay is far longer than the run.
        spanProcessors: [new BatchSpanProcessor(recorder, { scheduledDelayMillis: 60_000, maxExportBatchSize: 512 })],
    });
    const errors = [];
    try {
        emitChatTrace(provider.getTracer('tracedeck-e2e', '0.1.0'), runId);
        await provider.forceFlush();
        await provider.shutdown();
    } catch (error) {
        errors.push(`flush/shutdown: ${error?.message ?? error}`);
    } finally {
        await proxy.close();
    }

    for (const result of recorder.results)
        if (result.code !== ExportResultCode.SUCCESS)
            errors.push(`export failed: ${result.error?.message ?? 'no error given'}`);
    if (recorder.results.length === 0) errors.push('the exporter was never called');
    if (recorder.spans.length !== 4) errors.push(`expected 4 exported spans, got ${recorder.spans.length}`);
    for (const request of proxy.requests)
        if (request.status < 200 || request.status >= 300)
            errors.push(
                `${request.method} ${request.path} answered ${request.status}: ${request.error ?? request.answer}`,
            );

    const traceIds = new Set(recorder.spans.map((span) => span.spanContext().traceId));
    return {
        errors,
        report: {
            exporter: name,
            errors,
            service,
            traceId: traceIds.size === 1 ? [...traceIds][0] : '',
            resource: recorder.spans[0]?.resource.attributes ?? {},
            requests: proxy.requests,
            spans: recorder.spans.map(describeSpan),
        },
    };
}

async function main(argv) {
    const [baseUrl, runId, ...requested] = argv;
    const names = requested.length > 0 ? requested : DEFAULT_EXPORTERS;
    const unknown = names.filter((name) => !Object.hasOwn(EXPORTERS, name));
    if (!baseUrl || !runId || unknown.length > 0 || !/^https?:\/\/[^/]+$/.test(baseUrl)) {
        if (unknown.length > 0) console.error(`otel-client: unknown exporter(s): ${unknown.join(', ')}`);
        console.error(`usage: node otel-client.mjs <base-url> <run-id> [${Object.keys(EXPORTERS).join('|')} ...]`);
        return 2;
    }
    diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);

    let failed = false;
    for (const name of names) {
        const { errors, report } = await runExporter(name, baseUrl, runId);
        process.stdout.write(`${JSON.stringify(report)}\n`);
        for (const error of errors) console.error(`otel-client: ${name}: ${error}`);
        failed ||= errors.length > 0;
    }
    return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
