import type { CategoryLexicon } from '../lexicon.js';

/** Reporter language after the ECPAT Luxembourg Guidelines; no offender code words. */
export const childSafetyEn: CategoryLexicon<'child_safety'> = {
  category: 'child_safety',
  language: 'en',
  boundaries: 'word',
  minorAge: ['(\\d{1,2}) years? old', '(\\d{1,2}) yr old', 'aged (\\d{1,2})\\b', '\\b(?:she|he|who) (?:is|s) (?:only |just )?(\\d{1,2})\\b', 'around (\\d{1,2})\\b(?! (?:am|pm|minutes|hours|people|users))', 'under (1[0-7]|[1-9])\\b'],
  slots: {
    explicit: [
      'child sexual abuse', 'child sexual abuse material', 'csam', 'csem', 'child pornography', 'child porn', 'sexual abuse of a child',
      'sexual abuse of children', 'sexual abuse of a minor', 'sexually abusing a child', 'sexually abusing children', 'child abuse images',
      'child abuse material', 'child abuse videos', 'indecent images of children', 'indecent images of a child', 'sexual images of a child',
      'sexual images of children', 'sexual images of a minor', 'sexual exploitation of children', 'sexual exploitation of a child',
      'child sexual exploitation', 'underage nudes', 'nude images of a minor', 'nude photos of a minor', 'nudes of a minor', 'grooming a child',
      'grooming children', 'grooming minors', 'grooming my son', 'grooming my daughter', 'child trafficking', 'child being abused', 'child is being abused',
      'children being abused', 'molesting a child', 'molesting children', 'molested a child', 'child molester', 'sexually abused child', 'abuse of a minor',
    ],
    minor: [
      'child', 'children', 'kid', 'kids', 'minor', 'minors', 'my son', 'my daughter', 'son', 'daughter', 'teen', 'teens', 'teenager', 'teenagers',
      'teenage', 'boy', 'girl', 'young girl', 'young boy', 'little girl', 'little boy', 'pupil', 'pupils', 'schoolgirl', 'schoolboy', 'toddler', 'baby',
      'infant', 'underage', 'under age', 'young user', 'young contributor', 'young editor', 'nephew', 'niece', 'granddaughter', 'grandson',
      'stepdaughter', 'stepson', 'youngster', 'juvenile', 'preteen', 'tween',
    ],
    adult: ['adult', 'adults', 'grown man', 'grown woman', 'grown up', 'older man', 'older men', 'older guy', 'stranger', 'strangers', 'adult user', 'adult editor', 'old man', 'a man', 'grown-up', 'someone older', 'predator', 'paedophile', 'pedophile'],
    grooming: [
      'grooming', 'groom', 'groomed', 'keep it secret', 'keep it a secret', 'chats secret', 'keep their chats', 'keep this between', 'our secret',
      'not to tell', "don't tell", 'not tell', 'private app', 'another app', 'move to another', 'different app', 'private chat', 'gifts', 'sends gifts',
      'mature for her age', 'mature for his age', 'meet in person', 'wants to meet', 'asked to meet', 'meet up with', 'asked for photos',
      'asking for photos', 'asked her for', 'asked him for', 'send pictures', 'send photos', 'webcam', 'privately messaging', 'private messages',
      'special friend', 'befriended', 'secret relationship', 'sexual messages', 'girlfriend', 'boyfriend', 'encrypted app', 'delete the messages',
    ],
    sexual: [
      'nude', 'nudes', 'naked', 'intimate images', 'intimate photos', 'intimate pictures', 'explicit photos', 'explicit images', 'explicit pictures',
      'sexual', 'sexually', 'private photos', 'private pictures', 'sexy', 'undressed', 'underwear', 'topless', 'porn', 'pornographic', 'sex',
      'inappropriate photos', 'inappropriate pictures', 'compromising photos', 'compromising pictures', 'intimate videos', 'sexual abuse',
    ],
    coercion: [
      'blackmail', 'blackmailing', 'blackmailed', 'threatening to share', 'threatening to post', 'threatening to send', 'threatening to publish',
      'threatens to', 'threatening to', 'threatened to', 'unless he', 'unless she', 'unless they', 'unless', 'or else', "if she doesn't", "if he doesn't",
      'pay them', 'sends money', 'send money', 'send more', 'extort', 'extortion', 'sextortion', 'demanding money', 'demanding more', 'pays them',
    ],
    danger: [
      'hits her', 'hits him', 'beats her', 'beats him', 'hurts her', 'hurts him', 'hurting her', 'hurting him', 'being hurt', 'being abused', 'is abused',
      'abused', 'abusing', 'abuse', 'in danger', 'scared to go home', 'afraid to go home', 'afraid to go back', 'scared to go back', 'locked in', 'locked up',
      'being beaten', 'beaten', 'starving', 'ran away from home', 'missing child', 'kidnapped', 'abducted', 'trafficked', 'touches her', 'touched her',
      'touches him', 'touched him', 'inappropriately', 'is hurting', 'in immediate danger', 'at risk', 'being harmed', 'harming her', 'harming him',
    ],
    exposure: [
      'her school', 'his school', 'school name', 'name of her school', 'name of his school', 'school she attends', 'school he attends', 'full name',
      'real name', 'home town', 'hometown', 'her address', 'his address', 'where she lives', 'where he lives', 'her location', 'contact her', 'contact him',
      'her phone number', 'school uniform', 'photos of himself', 'photos of herself', 'pictures of herself', 'pictures of himself', 'personal details',
      'posted her school', 'posted his school',
    ],
    idiom: [
      'dog grooming', 'pet grooming', 'grooming business', 'grooming the backlog', 'backlog grooming', 'grooming salon', 'horse grooming', 'cat grooming',
      'grooming products', 'child friendly', 'kid friendly', 'child helpline', 'child protection act', 'rights of the child', 'child process',
      'child processes', 'child node', 'child element', 'child theme', 'child page', 'child pages', 'child category', 'child account', 'child accounts',
      'the sexual abuse scandal', 'abuse filter', 'abuse of power', 'abuse report', 'abuse the', 'abusing the', 'adult topics', 'adult content',
      'child labour act', 'secret santa',
    ],
  },
};
