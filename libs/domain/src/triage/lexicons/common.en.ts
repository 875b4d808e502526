import type { CommonLexicon } from '../lexicon.js';

export const commonEn: CommonLexicon = {
  language: 'en',
  boundaries: 'word',
  slots: {
    intent: [
      'i will', "i'll", 'ill', "i'm going to", 'im going to', 'i am going to', "i'm gonna", 'im gonna', 'i am gonna', 'imma', "i'ma", 'i want to', 'i wanna',
      'i intend to', 'i plan to', "i'm planning to", "i'm about to", "i'll have to", 'i have to', 'i need to', "i'm coming to", "i'm ready to", 'i shall',
      'we will', "we'll", "we're going to", 'we are going to', "we're gonna", "let's", 'let us', 'we want to', 'we plan to', 'we shall', 'we need to',
      "i'm gonna come", 'i swear i will', "i swear i'll", 'i promise i will', "i'll make sure to", 'we must', 'i must', 'time to', 'we have to',
      'i would love to', "i'd love to", "i can't wait to", 'cant wait to', 'i will go and', 'we will keep', 'we will continue to', "i'll be there to",
    ],
    negation: [
      'not', 'never', "don't", 'dont', 'do not', "doesn't", 'does not', "won't", 'will not', "wouldn't", 'would not', "shouldn't", "can't", 'cannot',
      'no one', 'nobody', 'no', 'nor', "isn't", "aren't", "wasn't", "didn't", "haven't", "hasn't", 'without', 'stop', 'against', 'no longer',
    ],
    counter: [
      'saying', 'said', 'says', 'say', 'wrote', 'writes', 'write', 'posted', 'posting', 'tweeted', 'threats like', 'threat like', 'messages like',
      'comments like', 'stuff like', 'things like', 'words like', 'for threatening', 'for wishing', 'for saying', 'calling for', 'call for', 'calls for',
      'quote', 'quoted', 'claims', 'claimed', 'told me', 'told us', 'threatened to', 'threatening to', 'threatens to', 'accused of', 'condemn',
      'consequences for', 'in prison for', 'in jail for', 'people who say', 'if you say', 'you can write', 'like saying',
    ],
    second_person: ['you', 'your', "you're", 'youre', 'yourself', 'yourselves', 'u', 'ur', 'ya', 'yours', 'you all', "y'all"],
    person: [
      'him', 'her', 'them', 'his', 'people', 'person', 'man', 'men', 'woman', 'everyone', 'everybody', 'anyone', 'admin', 'admins', 'moderator',
      'moderators', 'mod', 'mods', 'steward', 'editor', 'editors', 'staff', 'employees', 'family', 'kids', 'children', 'boss', 'teacher', 'police',
      'officer', 'judge', 'president', 'guy', 'neighbour', 'neighbor', 'wife', 'husband', 'girlfriend', 'boyfriend', 'colleague', 'ceo', 'founder',
      'user', 'reviewer', 'bitch', 'bastard', 'idiot', 'those', 'these', 'all of them', 'each of you', 'every one of', 'any of',
    ],
    group: [
      'women', 'woman', 'females', 'female', 'gay', 'gays', 'gay people', 'lesbians', 'trans', 'trans people', 'transgender', 'black people', 'blacks',
      'muslims', 'muslim', 'jews', 'jew', 'jewish', 'immigrants', 'immigrant', 'refugees', 'migrants', 'foreigners', 'disabled', 'disabled people',
      'asians', 'arabs', 'christians', 'hindus', 'sikhs', 'mexicans', 'latinos', 'homosexuals', 'queers', 'queer', 'bisexuals', 'atheists',
      'people like you', 'your kind', 'their kind', 'those people', 'minorities',
    ],
    place: [
      'office', 'offices', 'headquarters', 'hq', 'building', 'school', 'church', 'mosque', 'synagogue', 'temple', 'meetup', 'conference', 'venue',
      'house', 'home', 'car', 'flat', 'apartment', 'store', 'station', 'library', 'event', 'rally', 'parade', 'clinic', 'hospital', 'embassy',
    ],
    time: [
      'tonight', 'tomorrow', 'today', 'this weekend', 'next week', 'this week', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
      'sunday', 'right now', 'in an hour', 'this evening', 'this morning', 'after work', 'at midnight', 'by friday', 'next time', 'tomorrow morning',
      'tomorrow night', 'on my birthday', 'on her birthday', 'on his birthday', 'in a few hours', 'by the end of the week', 'soon', 'later today',
    ],
    normative: [
      'should', 'should all', 'deserve', 'deserves', 'must', 'ought to', 'need to be', 'needs to be', 'have to be', 'has to be', 'better off',
      'i wish', 'wish', 'i hope', 'hope', 'if only', 'would be best', 'only solution', 'only way', 'would love to see', 'it is time', 'should get',
      'would be better', 'let them', 'let those', 'all of them',
    ],
    idiom: ['without mercy', 'without hesitation', 'without exception', 'no mercy', 'not only'],
  },
};
