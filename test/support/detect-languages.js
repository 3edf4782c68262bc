// Runs the compiled LanguageDetector outside jest: fastText's WebAssembly glue is an ES module, which jest's
// CommonJS sandbox cannot import. Reads [{ text, prior? }] as JSON on stdin; writes one result per case.
const { LanguageDetector } = require('../../dist/libs/nlp/src/language/language-detector');

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const detector = await new LanguageDetector().load();
  const results = JSON.parse(input).map(({ text, prior }) => {
    const { result, settled, veryShort, candidates } = detector.identify(text);
    return { identified: { ...result, settled, veryShort, candidates: candidates.map((candidate) => candidate.code) }, result: detector.detect(text, prior) };
  });
  process.stdout.write(JSON.stringify(results));
});
