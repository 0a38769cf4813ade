#!/usr/bin/env node
// End-to-end LLM client for Tracedeck: the real `openai` SDK, instrumented by a real instrumentation library,
// runs a two-call agent loop against a mock chat-completions server on loopback (first answer: a tool call,
// second: the final text), and the spans go to Tracedeck over OTLP/HTTP protobuf. It prints one JSON line
// saying what the instrumentation was given, so the C++ test (test_llm_e2e.cpp) can compare it with what
// Tracedeck extracted (model, tokens, cached tokens, messages, tool calls).
//
// usage: node llm-client.mjs <base-url> <instrumentation> <run-id>
//   instrumentation  openinference (@arizeai/openinference-instrumentation-openai) or
//                    openllmetry (@traceloop/instrumentation-openai)
// Output: {service, traceId, model, calls:[{input:[…messages], output:{…message}, usage:{…}}]}
// Exit status: 0 when the export succeeded, 1 when it failed, 2 on bad usage.

import http from 'node:http';
import { createRequire } from 'node:module';

import { context, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';

const require = createRequire(import.meta.url);

const [baseUrl, instrumentationName, runId] = process.argv.slice(2);
if (!baseUrl || !['openinference', 'openllmetry'].includes(instrumentationName) || !runId) {
    console.error('usage: node llm-client.mjs <base-url> openinference|openllmetry <run-id>');
    process.exit(2);
}

const MODEL = 'gpt-4o-mini';
const RESPONSE_MODEL = 'gpt-4o-mini-2024-07-18';
const USAGE = [
    { prompt_tokens: 96, completion_tokens: 18, total_tokens: 114, prompt_tokens_details: { cached_tokens: 0 } },
    { prompt_tokens: 142, completion_tokens: 27, total_tokens: 169, prompt_tokens_details: { cached_tokens: 64 } },
];
const TOOL_CALL = { id: 'call_weather_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } };
const ANSWER = 'It is 21 °C and sunny in Lisbon.';

// A chat-completions server that answers the agent's two calls as a real model would.
function startMockServer() {
    let call = 0;
    const server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
            const n = call++;
            const message = n === 0 ? { role: 'assistant', content: null, tool_calls: [TOOL_CALL] } : { role: 'assistant', content: ANSWER };
            const answer = {
                id: `chatcmpl-mock-${n}`,
                object: 'chat.completion',
                created: Math.floor(Date.now() / 1000),
                model: RESPONSE_MODEL,
                choices: [{ index: 0, message, finish_reason: n === 0 ? 'tool_calls' : 'stop', logprobs: null }],
                usage: USAGE[Math.min(n, USAGE.length - 1)],
            };
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(answer));
        });
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const service = `e2e-llm-${instrumentationName}-${runId}`;
const exporter = new OTLPTraceExporter({ url: `${baseUrl}/v1/traces` });
const results = [];
const recording = {
    export(spans, done) {
        exporter.export(spans, (result) => {
            results.push(result);
            done(result);
        });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => (exporter.forceFlush ? exporter.forceFlush() : Promise.resolve()),
};
const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(recording)],
});
provider.register();

const openaiModule = require('openai');
if (instrumentationName === 'openinference') {
    const { OpenAIInstrumentation } = require('@arizeai/openinference-instrumentation-openai');
    const instrumentation = new OpenAIInstrumentation({ tracerProvider: provider });
    instrumentation.manuallyInstrument(openaiModule);
} else {
    const { OpenAIInstrumentation } = require('@traceloop/instrumentation-openai');
    const instrumentation = new OpenAIInstrumentation({ traceContent: true });
    instrumentation.setTracerProvider(provider);
    instrumentation.manuallyInstrument(openaiModule.OpenAI); // this one patches the client class itself
}

const server = await startMockServer();
const client = new openaiModule.OpenAI({ apiKey: 'test-key-not-a-secret', baseURL: `http://127.0.0.1:${server.address().port}/v1` });
const tracer = provider.getTracer('tracedeck-e2e-agent');

const messages = [
    { role: 'system', content: 'You are a weather assistant. Use the tools you are given.' },
    { role: 'user', content: 'What is the weather in Lisbon?' },
];
const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
const calls = [];
let traceId = '';
await tracer.startActiveSpan('weather-agent', async (root) => {
    traceId = root.spanContext().traceId;
    const first = await client.chat.completions.create({ model: MODEL, messages, tools, temperature: 0.2 });
    calls.push({ input: structuredClone(messages), output: first.choices[0].message, usage: first.usage });
    messages.push(first.choices[0].message);
    const toolSpan = tracer.startSpan('get_weather', { attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather', 'gen_ai.tool.call.id': TOOL_CALL.id } }, context.active());
    const toolResult = '{"temperature_c":21,"sky":"sunny"}';
    toolSpan.end();
    messages.push({ role: 'tool', tool_call_id: TOOL_CALL.id, content: toolResult });
    const second = await client.chat.completions.create({ model: MODEL, messages, tools, temperature: 0.2 });
    calls.push({ input: structuredClone(messages), output: second.choices[0].message, usage: second.usage });
    root.end();
});
await provider.forceFlush();
await provider.shutdown();
server.close();

const failed = results.filter((r) => r.code !== 0);
console.log(JSON.stringify({ service, traceId, model: RESPONSE_MODEL, calls, exports: results.length, errors: failed.map((r) => String(r.error)) }));
process.exit(failed.length || results.length === 0 ? 1 : 0);
