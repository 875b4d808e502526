import type { CategoryLexicon } from '../lexicon.js';

/** Seeded by the Suicide Risk Lexicon v1.0 idea (Apache-2.0) and Crisis Text Line's finding that method and plan words matter most. */
export const selfHarmEn: CategoryLexicon<'self_harm'> = {
  category: 'self_harm',
  language: 'en',
  boundaries: 'word',
  slots: {
    sign: [
      'suicide', 'suicidal', 'want to die', 'wanna die', 'wish i was dead', 'wish i were dead', 'better off dead', 'better off without me',
      "don't want to live", 'dont want to live', 'no reason to live', 'nothing to live for', "don't want to be here anymore", 'not want to be here anymore',
      "can't go on", 'cant go on', 'not wake up', 'never wake up', 'disappear forever', 'not exist anymore', 'stop existing', 'self harm', 'selfharm',
      'cutting myself', 'harm myself', 'hurting myself', 'overdose', 'suicide note', 'end it all', 'ending it all', 'ending it', 'thought about ending',
      'want it all to end', 'want it to end', 'tired of living', 'give up on life', 'sleep forever', 'no point in living', 'no point living',
      "don't want to exist", 'want to disappear and not', 'rather be dead', 'take my own life', 'end my life', 'kill myself', 'unalive',
      'burden to everyone', 'a burden to', 'everyone would be better off', 'not be around much longer', 'say goodbye to everyone',
    ],
    self_act: [
      'kill myself', 'killing myself', 'end my life', 'ending my life', 'take my own life', 'taking my own life', 'take my life', 'end it all',
      'end things', 'hang myself', 'kill himself', 'kill herself', 'killing himself', 'killing herself', 'end his life', 'end her life', 'end their life',
      'take his own life', 'take her own life', 'take his life', 'take her life', 'kill themselves', 'off myself', 'unalive myself', 'shoot myself',
      'slit my wrists', 'jump off', 'jump from', 'throw myself', 'throw himself', 'throw herself', 'drown myself', 'hurt myself', 'cut myself',
      "i'll be gone", 'i will be gone', "won't be here", 'will not be here', 'be dead by', 'overdose on', 'poison myself',
    ],
    act_needing_means: ['jump', 'take them all', 'take all of them', 'take all', 'swallow', 'hang', 'cut', 'step in front', 'take the pills', 'use the rope', 'drive off', 'drive into'],
    means: [
      'pills', 'sleeping pills', 'tablets', 'paracetamol', 'painkillers', 'a bottle of', 'rope', 'noose', 'bridge', 'the bridge', 'roof', 'rooftop',
      'train tracks', 'the tracks', 'in front of a train', 'gun', 'razor', 'blade', 'cliff', 'carbon monoxide', 'the ledge', 'tall building',
      'bleach', 'my medication', 'meds', 'pill', 'top floor', 'balcony', 'the river', 'highway', 'motorway',
    ],
    plan: [
      "i've decided", 'i have decided', 'made up my mind', 'my mind is made up', 'i have a plan', "i've made a plan", 'made a plan', 'my plan is',
      'i plan to', 'planning to', "i've picked", 'i have picked', "i've chosen", 'goodbye', 'good bye', 'farewell', 'this is goodbye', 'last message',
      'last email', 'last edit', 'last post', 'final message', 'letters to my family', 'a letter to', 'written letters', 'wrote letters', 'given away my',
      'gave away my', 'give away my', 'given away', 'sorted out my affairs', 'affairs in order', 'saving my pills', 'saved up',
      "i've been saving", 'the day i', 'when everyone is asleep', 'after everyone', "i'm ready", 'tell my family', "i'm sorry for everything",
      'thank you for everything', 'is the day', 'this is the end', 'wrote a note', 'left a note', 'farewell note', 'goodbye message', 'goodbye note',
    ],
    ideation: ['thinking about', 'thought about', 'thoughts of', 'thoughts about', 'think about', 'wonder', 'wondering', 'keep thinking', 'sometimes i', 'fantasize about', 'dream about'],
    idiom: [
      'died laughing', 'dying of laughter', 'die laughing', 'dying to', 'kill myself laughing', 'killing myself laughing', 'battery died', 'laptop died',
      'phone died', 'server died', 'to die for', 'suicide squad', 'career suicide', 'political suicide', 'social suicide', 'suicide door', 'suicide doors',
      'died by suicide', 'died of suicide', 'committed suicide', 'her suicide', 'his suicide', 'their suicide', 'the suicide of', 'suicide prevention',
      'suicide rate', 'suicide rates', 'jump on', 'jump in', 'jump at', 'jump to', 'jump through', 'cut corners', 'cut the', 'cut it', 'cut off',
      'cut my finger', 'cut my hand', 'cut back', 'hang out', 'hang on', 'hang up', 'take all the', 'take all day', 'take all week', 'end it here',
      'suicide bomber', 'suicide bombing', 'suicide attack', 'end it with', 'the bridge between', 'bridge the',
    ],
  },
};
