import type { CategoryLexicon } from '../lexicon.js';

export const doxxingEn: CategoryLexicon<'doxxing'> = {
  category: 'doxxing',
  language: 'en',
  boundaries: 'word',
  slots: {
    direct: [
      'doxx', 'doxxed', 'doxxing', 'doxed', 'doxing', 'dox', 'knows where i live', 'know where i live', 'knows where she lives', 'knows where he lives',
      'knows where we live', 'found out where i live', 'everyone knows where', 'where to find her', 'where to find him', 'where to find me',
      'found my address', 'have my address', 'has my address', 'showed up at my house', 'outed me', 'exposed my identity', 'revealed my identity',
    ],
    disclose: [
      'posted', 'posting', 'posts', 'post', 'published', 'publishing', 'publish', 'shared', 'sharing', 'share', 'leaked', 'leaking', 'leak', 'uploaded',
      'put online', 'put up', 'spread', 'spreading', 'revealed', 'revealing', 'exposed', 'exposing', 'circulated', 'circulating', 'threatening to publish',
      'threatening to post', 'will post', 'will share', 'will publish', 'appeared on', 'have appeared', 'has appeared', 'added', 'made public', 'tweeted',
      'dumped', 'broadcast', 'disclosed', 'publicised', 'publicized', 'released',
    ],
    personal_data: [
      'home address', 'address', 'addresses', 'phone number', 'phone numbers', 'phone', 'mobile number', 'cell number', 'my number', 'her number',
      'his number', 'iban', 'bank account', 'bank details', 'account number', 'credit card', 'passport', 'id card', 'id number', 'identity card',
      'social security', 'ssn', 'national insurance', "driver's licence", "driver's license", 'drivers license', 'licence number', 'license number',
      'date of birth', 'ip address', 'real name', 'full name', 'legal name', 'workplace', 'where i work', 'where she works', 'where he works', 'employer',
      'school', 'schools', 'licence plate', 'license plate', 'number plate', 'front door', 'street sign', 'my house', 'my building', 'personal details',
      'private details', 'personal information', 'private information', 'personal data', 'location', 'coordinates', 'medical records',
      'email address', 'personal email', 'home town', 'where i live', 'photos of my house', 'photo of my house', 'her house', 'his house',
    ],
    own_data: [
      'my own', 'i posted', 'i accidentally', 'accidentally', 'by mistake', 'i pasted', 'i included', 'i shared', 'i put', 'years ago', 'update my',
      'change my', 'i moved', 'oops', 'i added', 'i listed', 'i published', 'i uploaded', 'official', 'feel free to share', 'you can share',
    ],
    idiom: [
      'state of the union address', 'address the issue', 'address the problem', 'address this', 'address these', 'keynote address', 'keep me posted',
      'keep you posted', 'share your screen', 'shared drive', 'post office', 'public address', 'web address', 'share the link', 'blog post',
      'address it', 'school of',
    ],
  },
};
