import { parseDocument, LineCounter, parse, Parser, Composer } from 'yaml';
const quiz = `- id: reverse-proxy
  prompt: Which tool usually sits in front of Gunicorn as a reverse proxy?
  choices: [Flask, Nginx, Pip, Docker]
  answer: Nginx
  explain: Nginx terminates TLS, buffers slow clients and serves static files.
- id: asgi-servers
  prompt: Which of these are ASGI servers?
  choices: [Uvicorn, Hypercorn, Waitress]
  answer: [Uvicorn, Hypercorn]
- id: migrate
  prompt: Which Django command applies database migrations?
  answer: python manage.py migrate
  accept: [manage.py migrate]
`;
function bench(name, fn) { for (let i=0;i<300;i++) fn(i); const t=performance.now(); for (let i=0;i<2000;i++) fn(i); console.log(name, ((performance.now()-t)/2000*1000).toFixed(1), 'us'); }
bench('parseDocument failsafe+lc', (i) => { const lc = new LineCounter(); const d = parseDocument(quiz, { schema: 'failsafe', lineCounter: lc, prettyErrors: false }); d.toJS(); });
bench('parseDocument core', (i) => { const d = parseDocument(quiz); d.toJS(); });
bench('parse()', (i) => parse(quiz));
bench('parseDocument failsafe no toJS', (i) => { parseDocument(quiz, { schema: 'failsafe' }); });
bench('parser only', () => { for (const t of new Parser().parse(quiz)) {} });
bench('JSON baseline', () => JSON.parse(JSON.stringify({a: quiz})));
