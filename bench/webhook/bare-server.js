// The baseline: answers the three webhooks with the same TwiML, reading the form body and nothing else.
const { createServer } = require('node:http');

const MENU =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Gather numDigits="1" timeout="6" action="https://hotline.bench/twilio/voice/menu?step=caller" method="POST"><Say language="zh-CN">您好，这里是未成年人心理健康热线。如果你现在有危险，请按9。学生请按1，家长请按2，老师请按3。</Say></Gather><Redirect method="POST">https://hotline.bench/twilio/voice/menu?step=caller</Redirect></Response>';
const TOPICS =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Gather numDigits="1" timeout="6" action="https://hotline.bench/twilio/voice/menu?step=topic" method="POST"><Say language="zh-CN">情绪问题请按1，学习问题请按2，亲子关系与家庭教育请按3，其他请按4。如果你现在有危险，请按9。</Say></Gather><Redirect method="POST">https://hotline.bench/twilio/voice/menu?step=topic</Redirect></Response>';
const ENQUEUE =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="zh-CN">正在为你转接值班老师，请稍候。</Say><Enqueue waitUrl="https://hotline.bench/twilio/voice/wait" waitUrlMethod="POST" action="https://hotline.bench/twilio/voice/queue-result" method="POST">hotline</Enqueue></Response>';

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    new URLSearchParams(body);
    const twiml = request.url.endsWith('incoming')
      ? MENU
      : request.url.endsWith('caller')
        ? TOPICS
        : ENQUEUE;
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(twiml);
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
