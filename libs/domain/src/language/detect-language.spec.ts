import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each<[string, string | null]>([
    ['مرحبا، أريد الإبلاغ عن حساب ينشر معلوماتي', 'ar'],
    ['Здравствуйте, я хочу сообщить о проблеме', 'ru'],
    ['你好，我想举报一个账户的问题', 'zh'],
    ['こんにちは、アカウントの問題を報告します', 'ja'],
    ['नमस्ते, मैं एक खाते की शिकायत करना चाहता हूं', 'hi'],
    ['Hello, I would like to report a problem with my account, thank you', 'en'],
    ['Hola, quisiera informar de un problema con mi cuenta, gracias', 'es'],
    ['Bonjour, je voudrais signaler un problème avec mon compte, merci', 'fr'],
    ['Hallo, ich möchte ein Problem mit meinem Konto melden, danke', 'de'],
    ['ok', null],
    ['', null],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
