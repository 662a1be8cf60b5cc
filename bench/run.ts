/**
 * `npm run bench`: the targets of issue 14 ("Measured, not claimed"), measured on the production
 * server (`node dist/src/server.js`, rebuilt first if src/ is newer) and in-process, in about
 * two and a half minutes. It prints one row per target: the value measured, the target, the
 * margin (measured against target, 1 or more passes) and PASS or MISS. It reports and does not
 * fail: the exit status is 0 whatever was missed, and 1 only when something could not be measured.
 *
 * Throughput on a shared 2-core machine swings by ±40%, so what the issue states as a ratio is
 * measured as one: the cases run side by side in interleaved rounds of the same length, and the
 * median of the per-round ratios is reported. The load generator (autocannon) runs in this
 * process on the same two cores as the server, which the ratios share alike.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadKb } from '../src/kb/load.js';
import { LIST_LIMITS } from '../src/list-limits.js';
import { runBatchCli } from './batch.js';
import { stageRates, worstList } from './in-process.js';
import { HUNDRED_LINES, PATIENT, TWENTY_LINES } from './lists.js';
import { load, probeHealthz, settle, timeOne, wireBytes, type LoadResult } from './load.js';
import { formCheck, healthz, jsonCheck, type HttpRequest } from './requests.js';
import { buildIfStale, compileForBench, coresBusy, peakRss, rssMb, serveCommand, startServer, STORED_ANSWER_SERVER, type RunningServer } from './server.js';
import { formatTable, type Row } from './table.js';

const benchStart = performance.now();
const rows: Row[] = [];
const servers: RunningServer[] = [];
const say = (message: string) => process.stderr.write(`[${((performance.now() - benchStart) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};
const kbytes = (bytes: number) => bytes / 1024;
const failures = (...results: LoadResult[]) => {
  const failed = results.reduce((n, r) => n + r.failed, 0);
  return failed > 0 ? `; ${failed} answers not 2xx or lost: the measurement is suspect` : '';
};
const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' ');

async function main(): Promise<void> {
  say(`load average before: ${loadAverage()}`);
  say(buildIfStale() ? 'dist/ was older than src/: rebuilt' : 'dist/ is up to date');
  const kbPath = compileForBench();
  const kb = loadKb(kbPath);

  // In-process: one core, no HTTP.
  say('in-process: the stages of a check of the 20-line list');
  const stages = stageRates(TWENTY_LINES, kb, 7.5);
  rows.push({
    name: 'in-process, 20 lines (runCheck + presentJson)',
    measured: stages.api,
    unit: 'lists/s',
    target: { kind: 'min', value: 5000 },
    detail: `one core; assess alone ${stages.assess.toFixed(0)}/s, runCheck ${stages.runCheck.toFixed(0)}/s, with JSON.stringify ${stages.serialised.toFixed(0)}/s`,
  });
  say('in-process: choosing the worst-case list from the adversarial corpus');
  const worst = worstList(kb);
  say(`worst case: ${worst.name}`);

  // Start-up, three times; the last server stays up for the rest.
  say('start-up: spawn to "listening" and to the first 200 on /healthz, three times');
  const starts: RunningServer[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await startServer(kbPath);
    starts.push(s);
    servers.push(s);
    if (i < 2) await s.stop();
  }
  const server = starts[2]!;
  const idleRss = rssMb(server.pid);
  rows.push({
    name: 'start-up to "listening"',
    measured: median(starts.map((s) => s.listeningMs)),
    unit: 'ms',
    target: { kind: 'max', value: 1000 },
    detail: `WORKERS=1, median of 3: ${starts.map((s) => s.listeningMs.toFixed(0)).join(', ')} ms`,
  });
  rows.push({
    name: 'start-up to the first 200 on /healthz',
    measured: median(starts.map((s) => s.firstHealthzMs)),
    unit: 'ms',
    target: { kind: 'max', value: 1000 },
    detail: `median of 3: ${starts.map((s) => s.firstHealthzMs.toFixed(0)).join(', ')} ms`,
  });

  // Answer sizes: uncompressed, and as they travel to a client that accepts gzip or brotli.
  const json20 = jsonCheck(TWENTY_LINES, PATIENT, 'en');
  const form20 = formCheck(TWENTY_LINES, PATIENT, 'nl');
  const sizes: Record<string, number> = {};
  for (const lang of ['en', 'nl'] as const) {
    for (const [name, lines] of [['20', TWENTY_LINES], ['100', HUNDRED_LINES]] as const) {
      for (const encoding of ['identity', 'gzip', 'br'] as const) sizes[`${name}-${lang}-${encoding}`] = await wireBytes(server.origin, jsonCheck(lines, PATIENT, lang), encoding);
    }
  }
  const size = (lines: '20' | '100', encoding: 'identity' | 'gzip' | 'br') => Math.max(sizes[`${lines}-en-${encoding}`] ?? 0, sizes[`${lines}-nl-${encoding}`] ?? 0);
  const kb1 = (lines: '20' | '100', encoding: 'identity' | 'gzip' | 'br') => `en ${kbytes(sizes[`${lines}-en-${encoding}`] ?? 0).toFixed(1)} KB, nl ${kbytes(sizes[`${lines}-nl-${encoding}`] ?? 0).toFixed(1)} KB`;
  rows.push({
    name: '20-line JSON answer, uncompressed',
    measured: kbytes(size('20', 'identity')),
    unit: 'KB',
    target: { kind: 'max', value: 40 },
    detail: `the larger of ${kb1('20', 'identity')}`,
  });
  rows.push({
    name: '20-line JSON answer, as sent with gzip',
    measured: kbytes(size('20', 'gzip')),
    unit: 'KB',
    target: { kind: 'max', value: 40 },
    detail: `the larger of ${kb1('20', 'gzip')}; with brotli ${kb1('20', 'br')}`,
  });
  rows.push({
    name: '100-line answer ÷ 20-line answer',
    measured: size('100', 'identity') / size('20', 'identity'),
    unit: '×',
    target: { kind: 'max', value: 5 },
    detail: `uncompressed; 100 lines: ${kb1('100', 'identity')} (gzip ${kb1('100', 'gzip')})`,
  });

  // Throughput, side by side: rounds of /healthz, the JSON check and the form, in a rotating order.
  say('throughput: /healthz, JSON check, HTML form, 3 interleaved rounds of 3 s each at 10 connections');
  const kinds: [string, HttpRequest][] = [['healthz', healthz], ['json', json20], ['form', form20]];
  const perRound: Record<string, LoadResult>[] = [];
  // Warm-up: the JIT is still learning after a few hundred checks.
  await load(server.origin, [json20, form20], { connections: 10, seconds: 5 });
  for (let round = 0; round < 3; round++) {
    const results: Record<string, LoadResult> = {};
    for (let k = 0; k < kinds.length; k++) {
      const [name, request] = kinds[(k + round) % kinds.length]!;
      results[name] = await load(server.origin, request, { connections: 10, seconds: 3 });
    }
    perRound.push(results);
  }
  const rps = (kind: string) => perRound.map((r) => r[kind]?.rps ?? NaN);
  const ratio = (kind: string) => median(perRound.map((r) => (r[kind]?.rps ?? NaN) / (r.healthz?.rps ?? NaN)));
  const all = perRound.flatMap((r) => Object.values(r));
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  rows.push({
    name: 'JSON check (20 lines) ÷ /healthz throughput',
    measured: ratio('json'),
    unit: '',
    target: { kind: 'min', value: 0.5 },
    detail: `req/s per round: JSON ${fmt(rps('json'))}; /healthz ${fmt(rps('healthz'))}${failures(...all)}`,
  });
  rows.push({
    name: 'HTML report (form, 20 lines) ÷ /healthz',
    measured: ratio('form'),
    unit: '',
    target: { kind: 'min', value: 0.3 },
    detail: `req/s per round: form ${fmt(rps('form'))}; p99 latency JSON ${median(perRound.map((r) => r.json?.p99Ms ?? NaN)).toFixed(0)} ms, form ${median(perRound.map((r) => r.form?.p99Ms ?? NaN)).toFixed(0)} ms`,
  });

  // The same answer without the check: what the HTTP stack alone allows for an answer of this size.
  say('the 20-line answer sent as stored, without checking, beside /healthz: 3 interleaved rounds of 2 s');
  const stored = await startServer(kbPath, {}, STORED_ANSWER_SERVER);
  servers.push(stored);
  const storedRequest: HttpRequest = { ...json20, path: '/api/v1/stored' };
  await load(stored.origin, storedRequest, { connections: 10, seconds: 2 });
  const storedRounds: { healthz: LoadResult; stored: LoadResult }[] = [];
  for (let r = 0; r < 3; r++) {
    const first = await load(stored.origin, r % 2 ? storedRequest : healthz, { connections: 10, seconds: 2 });
    const second = await load(stored.origin, r % 2 ? healthz : storedRequest, { connections: 10, seconds: 2 });
    storedRounds.push(r % 2 ? { stored: first, healthz: second } : { healthz: first, stored: second });
  }
  await stored.stop();
  rows.push({
    name: 'the same answer, stored, not checked ÷ /healthz',
    measured: median(storedRounds.map((r) => r.stored.rps / r.healthz.rps)),
    unit: '',
    detail: `the most a check answering this much can reach here, however fast the pipeline: helmet, body, serialising in slices, gzip and sending only; req/s per round: stored ${fmt(storedRounds.map((r) => r.stored.rps))}; /healthz ${fmt(storedRounds.map((r) => r.healthz.rps))}${failures(...storedRounds.flatMap((r) => [r.stored, r.healthz]))}`,
  });

  // Memory at 50 connections of 20-line lists.
  say('resident memory at 50 connections of 20-line lists (5 s)');
  const rss20 = await peakRss(server.pid, load(server.origin, json20, { connections: 50, seconds: 5 }));
  rows.push({
    name: 'RSS at 50 connections, 20-line lists',
    measured: rss20.peakMb,
    unit: 'MB',
    target: { kind: 'max', value: 150 },
    detail: `peak of ${rss20.samples} samples of /proc/<pid>/status; idle ${idleRss.toFixed(0)} MB; started as ${Object.entries(serveCommand().env).map(([k, v]) => `${k}=${v} `).join('')}node ${serveCommand().nodeOptions.join(' ')}; ${rss20.result.rps.toFixed(0)} req/s${failures(rss20.result)}`,
  });
  say(`waited ${(await settle(server.origin)).toFixed(1)} s for the server to finish the queued requests`);

  // The worst case, one request at a time on an otherwise idle server.
  const worstJson = jsonCheck(worst.lines, PATIENT, 'en');
  const worstForm = formCheck(worst.lines, PATIENT, 'nl');
  say(`worst-case requests (${worst.lines.length} lines of ${LIST_LIMITS.lineLength} characters), JSON and form in turn`);
  const times: Record<'json' | 'form', number[]> = { json: [], form: [] };
  let worstBytes = 0;
  // Untimed first: the first requests of a kind of line the server has not met pay for compiling
  // its code paths, which a server in use has long done.
  const warmUps = 3;
  for (let i = 0; i < warmUps; i++) for (const request of [worstJson, worstForm]) await timeOne(server.origin, request);
  const worstStarted = performance.now();
  while (times.json.length < 7 && (times.json.length < 3 || performance.now() - worstStarted < 20_000)) {
    for (const [kind, request] of [['json', worstJson], ['form', worstForm]] as const) {
      const t = await timeOne(server.origin, request);
      if (t.status !== 200) throw new Error(`the worst-case ${kind} request answered ${t.status}`);
      if (kind === 'json') worstBytes = t.bytes;
      times[kind].push(t.ms);
    }
  }
  for (const kind of ['json', 'form'] as const) {
    rows.push({
      name: `worst-case request, ${kind === 'json' ? 'JSON' : 'form (HTML report)'}`,
      measured: median(times[kind]),
      unit: 'ms',
      target: { kind: 'max', value: 100 },
      detail: `median of ${times[kind].length} after ${warmUps} untimed, slowest ${Math.max(...times[kind]).toFixed(0)} ms; ${worst.name}${kind === 'json' ? `; answer ${kbytes(worstBytes).toFixed(0)} KB; in-process it took ${worst.cpuMs.toFixed(0)} ms of CPU` : ''}`,
    });
  }

  // /healthz while worst-case requests queue up.
  say('/healthz during a burst of worst-case requests (4 connections, 6 s)');
  const burst = load(server.origin, [worstJson, worstForm], { connections: 4, seconds: 6, timeoutSeconds: 120 });
  const probes = await probeHealthz(server.origin, burst);
  const burstResult = await burst;
  const sortedProbes = [...probes].sort((a, b) => a - b);
  rows.push({
    name: '/healthz p99 during a worst-case burst',
    measured: sortedProbes[Math.min(sortedProbes.length - 1, Math.floor(sortedProbes.length * 0.99))] ?? NaN,
    unit: 'ms',
    target: { kind: 'max', value: 50 },
    detail: `${probes.length} probes, one every 250 ms, median ${median(probes).toFixed(0)} ms, slowest ${Math.max(...probes).toFixed(0)} ms; ${burstResult.ok} worst-case answers in 6 s`,
  });

  say(`waited ${(await settle(server.origin)).toFixed(1)} s for the server to finish the burst's last requests`);

  // Memory at 50 connections of worst-case lists. Each connection leaves a request in the server,
  // which works them all off before it notices that nobody waits for the answers: it is killed
  // instead of waited for.
  say('resident memory at 50 connections of worst-case lists (5 s)');
  const rssWorst = await peakRss(server.pid, load(server.origin, [worstJson, worstForm], { connections: 50, seconds: 5, timeoutSeconds: 300 }));
  rows.push({
    name: 'RSS at 50 connections, worst-case lists',
    measured: rssWorst.peakMb,
    unit: 'MB',
    target: { kind: 'max', value: 150 },
    detail: `the same, JSON and form in turn; ${rssWorst.result.ok} answers in 5 s${failures(rssWorst.result)}`,
  });
  await server.stop({ kill: true });

  // WORKERS=2 against one worker, both up, in alternating rounds.
  say('WORKERS=2 against WORKERS=1: JSON check, 3 alternating rounds of 3 s each at 10 connections');
  const one = await startServer(kbPath);
  servers.push(one);
  const two = await startServer(kbPath, { WORKERS: '2' });
  servers.push(two);
  await load(two.origin, json20, { connections: 10, seconds: 4 });
  await load(one.origin, json20, { connections: 10, seconds: 4 });
  const pairs: { one: LoadResult; two: LoadResult }[] = [];
  // The cores each server kept busy in its rounds (every thread: V8's collector and zlib's work run
  // beside the main thread), and what the load generator in this process used meanwhile.
  const busy: { one: number[]; two: number[]; loadGenerator: number[] } = { one: [], two: [], loadGenerator: [] };
  const round = async (s: RunningServer, key: 'one' | 'two') => {
    const measured = await coresBusy(s.pid, () => load(s.origin, json20, { connections: 10, seconds: 3 }));
    busy[key].push(measured.server);
    busy.loadGenerator.push(measured.loadGenerator);
    return measured.result;
  };
  for (let r = 0; r < 3; r++) {
    if (r % 2 === 0) {
      const a = await round(one, 'one');
      pairs.push({ one: a, two: await round(two, 'two') });
    } else {
      const b = await round(two, 'two');
      pairs.push({ one: await round(one, 'one'), two: b });
    }
  }
  const twoRss = rssMb(two.pid);
  const cores = availableParallelism();
  const oneCores = median(busy.one);
  const loadGeneratorCores = median(busy.loadGenerator);
  // Two workers cannot get more than the cores left beside the load generator, and one worker already uses `oneCores` of them.
  const ceiling = Math.min(2, (cores - loadGeneratorCores) / oneCores);
  rows.push({
    name: 'WORKERS=2 ÷ WORKERS=1, JSON check throughput',
    measured: median(pairs.map((p) => p.two.rps / p.one.rps)),
    unit: '×',
    target: { kind: 'min', value: 1.6 },
    detail: `req/s per round: 2 workers ${fmt(pairs.map((p) => p.two.rps))}; 1 worker ${fmt(pairs.map((p) => p.one.rps))}; 2 workers start in ${two.listeningMs.toFixed(0)} ms, hold ${twoRss.toFixed(0)} MB${failures(...pairs.flatMap((p) => [p.one, p.two]))}`,
  });
  rows.push({
    name: 'WORKERS=2 ÷ WORKERS=1, the most this machine allows',
    measured: ceiling,
    unit: '×',
    detail: `${cores} cores; one worker kept ${oneCores.toFixed(2)} cores busy (median of its rounds), two workers ${median(busy.two).toFixed(2)}, the load generator ${loadGeneratorCores.toFixed(2)}: (${cores} − ${loadGeneratorCores.toFixed(2)}) ÷ ${oneCores.toFixed(2)}`,
  });
  await Promise.all([one.stop(), two.stop()]);

  // The batch CLI, sized to take about ten seconds at the in-process rate.
  const lists = Math.max(200, Math.min(5000, Math.round((stages.api * 2 * 10) / 100) * 100));
  say(`batch CLI: ${lists} lists of 20 lines through dialysafe check - --format summary`);
  const batch = await runBatchCli(kbPath, lists);
  rows.push({
    name: 'batch CLI, 20-line lists (--format summary)',
    measured: batch.listsPerSecond,
    unit: 'lists/s',
    detail: `${batch.lists} lists in ${batch.seconds.toFixed(1)} s with ${batch.workers} worker threads, start-up included; ${(batch.listsPerSecond / (stages.api * batch.workers)).toFixed(2)}× the in-process rate × ${batch.workers}`,
  });

  say(`load average after: ${loadAverage()}; ${((performance.now() - benchStart) / 1000).toFixed(0)} s in all`);
  console.log(formatTable(rows));
  const missed = rows.filter((r) => r.target && (r.target.kind === 'min' ? r.measured < r.target.value : r.measured > r.target.value));
  console.log(`\n${rows.filter((r) => r.target).length - missed.length} of ${rows.filter((r) => r.target).length} targets met${missed.length ? `; missed: ${missed.map((r) => r.name).join('; ')}` : ''}.`);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(`The bench could not measure: ${(error as Error).message}`);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
}
