#!/usr/bin/env node
// Writes two runs of a small support agent, traced by the real OpenTelemetry JS SDK and exported by its real
// OTLP/HTTP JSON exporter, as the files the exporter sent: the pair of runs test_compare aligns.
// Run B makes one extra tool call (track_shipment) and its final LLM call is slower, with a longer answer.
//
// usage: node agent-runs.mjs <out-dir> a|b     (writes <out-dir>/run-<a|b>.otlp.json; one run per process, as the
//        SDK's context manager is registered once per process)
// From tests/e2e after `npm ci`; the outputs are checked in under tests/data/compare/.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Receives the exporter's requests and keeps their bodies.
function startCapture() {
    const bodies = [];
    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            bodies.push(Buffer.concat(chunks).toString('utf8'));
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{}');
        });
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, bodies })));
}

const SYSTEM = 'You are a support agent. Use tools to look up orders. Be brief.';
const QUESTION = 'Where is my order #4471? It was supposed to arrive yesterday.';

function messages(list) {
    return JSON.stringify(list.map(([role, content]) => ({ role, parts: [{ type: 'text', content }] })));
}

function toolCalls(calls, finish) {
    return JSON.stringify([{ role: 'assistant', parts: calls.map(([id, name, args]) => ({ type: 'tool_call', id, name, arguments: args })), finish_reason: finish }]);
}

async function chat(tracer, model, input, output, ms, inTokens, outTokens) {
    await tracer.startActiveSpan(`chat ${model}`, { kind: SpanKind.CLIENT }, async (span) => {
        span.setAttributes({
            'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': model,
            'gen_ai.response.model': model, 'gen_ai.usage.input_tokens': inTokens,
            'gen_ai.usage.output_tokens': outTokens, 'gen_ai.input.messages': input, 'gen_ai.output.messages': output,
        });
        await sleep(ms);
        span.end();
    });
}

async function tool(tracer, name, args, result, ms, http) {
    await tracer.startActiveSpan(`execute_tool ${name}`, { kind: SpanKind.INTERNAL }, async (span) => {
        span.setAttributes({ 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': name,
            'input.value': JSON.stringify(args), 'output.value': JSON.stringify(result) });
        await tracer.startActiveSpan(`GET ${http}`, { kind: SpanKind.CLIENT }, async (child) => {
            child.setAttributes({ 'http.request.method': 'GET', 'url.full': `http://orders.local${http}`,
                'http.response.status_code': 200 });
            await sleep(ms);
            child.setStatus({ code: SpanStatusCode.OK });
            child.end();
        });
        span.end();
    });
}

async function run(url, variant) {
    const provider = new NodeTracerProvider({
        resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'support-agent' }),
        spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url }))],
    });
    provider.register(); // the async context manager: child spans join their parent's trace
    const tracer = provider.getTracer('tracedeck-compare-fixture', '1');
    const slower = variant === 'b';
    await tracer.startActiveSpan('invoke_agent support-agent', { kind: SpanKind.INTERNAL }, async (root) => {
        root.setAttributes({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'support-agent',
            'session.id': `sess-compare-${variant}` });
        const first = [['system', SYSTEM], ['user', QUESTION]];
        const calls = [['call_1', 'lookup_order', { order_id: '4471' }]];
        if (slower)
            calls.push(['call_2', 'track_shipment', { carrier: 'DHL', tracking: 'JD0142' }]);
        await chat(tracer, 'gpt-4o', messages(first), toolCalls(calls, 'tool_calls'), 30, 412, slower ? 61 : 38);
        await tool(tracer, 'lookup_order', { order_id: '4471' }, { status: 'in_transit', carrier: 'DHL' }, 15,
            '/orders/4471');
        if (slower)
            await tool(tracer, 'track_shipment', { carrier: 'DHL', tracking: 'JD0142' },
                { last_scan: 'Leipzig hub', eta: 'tomorrow' }, 25, '/track/JD0142');
        const second = [...first, ['tool', JSON.stringify({ status: 'in_transit', carrier: 'DHL' })]];
        if (slower)
            second.push(['tool', JSON.stringify({ last_scan: 'Leipzig hub', eta: 'tomorrow' })]);
        const answer = slower
            ? 'Your order #4471 is in transit with DHL. It was last scanned at the Leipzig hub and should arrive tomorrow.'
            : 'Your order #4471 is in transit with DHL. It should arrive soon.';
        await chat(tracer, 'gpt-4o', messages(second),
            JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: answer }], finish_reason: 'stop' }]),
            slower ? 120 : 40, slower ? 598 : 471, slower ? 27 : 15);
        root.end();
    });
    await provider.forceFlush();
    await provider.shutdown();
}

const [outDir, variant] = process.argv.slice(2);
if (!outDir || !['a', 'b'].includes(variant)) {
    console.error('usage: node agent-runs.mjs <out-dir> a|b');
    process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
{
    const { server, bodies } = await startCapture();
    await run(`http://127.0.0.1:${server.address().port}/v1/traces`, variant);
    server.close();
    // SimpleSpanProcessor sends one request per span: merge them into one ExportTraceServiceRequest.
    const resourceSpans = bodies.flatMap((b) => JSON.parse(b).resourceSpans ?? []);
    fs.writeFileSync(path.join(outDir, `run-${variant}.otlp.json`), JSON.stringify({ resourceSpans }, null, 1));
    console.log(`run ${variant}: ${bodies.length} requests`);
}
