/**
 * Text an attacker (or a broken scraper) can put into any field of a raw file. Each one is
 * harmless only if the archive treats it as characters: never as HTML, Markdown, MDX, a
 * template expression or a link target.
 */
export const INJECTION_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</script><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<style>body{display:none}</style>',
  '<a href="javascript:alert(1)">clic</a>',
  '{alert(1)}',
  '${alert(1)}',
  "{{constructor.constructor('alert(1)')()}}",
  '{braces} {{double}}',
  '[links](javascript:alert(1))',
  '![image](javascript:alert(1))',
  '[ref]: javascript:alert(1)',
  '# headings',
  '*stars* **bold** _under_',
  '<!-- comment --> <![CDATA[ x ]]>',
  'import x from "/etc/passwd"',
  'export const y = 1',
  '---\ntitle: injected\n---',
  '\u202egnp.exe',
  '\u0000\u0001\u0007\u001b[31mred\u001b[0m',
];

/** Source URLs that must never become a link, plus valid ones that must. */
export const HOSTILE_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'https://user:pass@nld.com.vn/article-196250121140352663.htm',
  'http://admin:secret@nhandan.vn/x-post891670.html',
  'https://nhandan.vn/a"onmouseover="alert(1)-post1.html',
  'https://nhandan.vn/<script>alert(1)</script>-post2.html',
  '//evil.example/path',
  'https://',
  'http://[::1',
  'https://xn--80ak6aa92e.com/\u0000',
  `https://nhandan.vn/${'a'.repeat(5000)}.html`,
];

export const VALID_URLS: readonly string[] = [
  'https://nhandan.vn/fuzz-valid-post900001.html',
  'https://nld.com.vn/fuzz-valid-196250121140352663.htm',
  'http://baoninhthuan.com.vn/news/150866p24c32/fuzz-valid.htm',
];

/** Exit code a front-matter payload makes the ingest die with if it ever evaluates one. */
export const EVALUATED_EXIT_CODE = 97;

/**
 * Front matter a file may open with. gray-matter evaluates `---js` / `---javascript` blocks,
 * so those payloads kill the process with a telltale exit code if they ever run.
 */
export const FRONT_MATTER: readonly string[] = [
  `---js\n{ pwned: process.exit(${EVALUATED_EXIT_CODE}) }\n---\n`,
  `---javascript\n({ pwned: process.exit(${EVALUATED_EXIT_CODE}) })\n---\n`,
  `--- js\n{ pwned: process.exit(${EVALUATED_EXIT_CODE}) }\n---\n`,
  `---coffee\npwned: process.exit ${EVALUATED_EXIT_CODE}\n---\n`,
  '---\nurl: javascript:alert(1)\ntitle: "<script>alert(1)</script>"\ndate: 2025-02-30\n---\n',
  '---\nurl: https://user:pass@nhandan.vn/fm-post1.html\ntitle: [a, b]\ndate: 99999-01-01\n---\n',
  '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n',
  '---\ntitle: !!js/function "function () { return 1 }"\n---\n',
  '---\n: : :\n\t- [\n---\n',
  '---\ntitle: unterminated\n',
  '---\r\ntitle: crlf\r\n---\r\n',
];
