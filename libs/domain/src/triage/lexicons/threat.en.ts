import type { CategoryLexicon } from '../lexicon.js';

export const threatEn: CategoryLexicon<'threat'> = {
  category: 'threat',
  language: 'en',
  boundaries: 'word',
  slots: {
    harm: [
      'kill', 'killing', 'kill you', 'murder', 'murdering', 'stab', 'stabbing', 'shoot', 'shoot up', 'gun down', 'slaughter', 'slaughtering', 'butcher',
      'massacre', 'behead', 'decapitate', 'lynch', 'strangle', 'choke', 'torture', 'torturing', 'rape', 'raping', 'burn down', 'set fire to', 'set on fire',
      'set your', 'torch', 'blow up', 'bomb', 'firebomb', 'open fire', 'exterminate', 'break your legs', 'break your neck', 'smash your face',
      'beat up', 'beat the shit out of', 'cut your throat', 'slit your throat', 'cut their throats', 'poison', 'run over', 'hunt down', 'hunt you down',
      'death to', 'gas them', 'hang them', 'hang you', 'drown', 'skin you alive', 'burn them', 'burn you', 'burn alive', 'put a bullet', 'bullet in your',
      'acid in your face', 'throw acid', 'kidnap', 'execute them', 'execute you', 'wipe them out', 'end your life', 'end their lives', 'end their life',
    ],
    harm_weak: [
      'attack', 'attacking', 'hurt', 'harm', 'get rid of', 'put an end to', 'eliminate', 'eradicate', 'wipe out', 'destroy', 'finish off', 'take out',
      'beat', 'punch', 'hit', 'teach a lesson', 'make them pay', 'make you pay', 'go after', 'come after', 'hunt', 'execute', 'execution', 'burn',
      'hang', 'cleanse', 'purge', 'exterminate', 'shoot at', 'stone', 'whip', 'ruin',
    ],
    harm_passive: [
      'killed', 'shot', 'stabbed', 'burned', 'burnt', 'hanged', 'hung', 'murdered', 'raped', 'tortured', 'slaughtered', 'beaten', 'attacked', 'hurt',
      'executed', 'lynched', 'eradicated', 'exterminated', 'drowned', 'strangled', 'gassed', 'wiped out', 'put down', 'dead', 'die', 'throats cut',
      'their throats cut', 'burned at the stake', 'shot in the street', 'locked up and', 'beheaded', 'stoned', 'wiped off',
    ],
    weapon: ['gun', 'guns', 'rifle', 'knife', 'knives', 'bomb', 'explosives', 'acid', 'machete', 'axe', 'baseball bat', 'petrol', 'gasoline', 'molotov', 'grenade', 'pistol', 'shotgun'],
    implicit: [
      'watch your back', "you'll regret", 'you will regret', 'regret it', 'i know where you live', 'we know where you live', 'something bad will happen',
      'something will happen to', 'shame if something happened', 'if something happened to', 'your days are numbered', "you'll pay for this",
      'you will pay for', "you're dead", 'you are dead', "you're next", 'you are next', 'sleep with one eye open', 'accidents happen', 'get hurt',
      'what happens to people who', 'find out what happens', 'you have been warned', 'last warning', "don't make me", "i'll find you", 'i will find you',
      'coming for you', "won't see it coming", 'make you suffer', 'you will suffer', 'be careful walking', 'careful when you leave', 'i will find where',
      'end up in a ditch', 'end up dead', 'six feet under', 'in a body bag', 'mark my words', 'cross me',
      'regret the day', 'pay the price', 'wait and see what happens', 'something happens to your',
    ],
    idiom: [
      'killing it', 'kill it', 'kill time', 'killing time', 'kill for', 'killing me', 'kills me', 'killed me', 'kill the process', 'kill the app',
      'kill the server', 'kill switch', 'kill the lights', 'kill the engine', 'kill two birds', 'overkill', 'killer feature', 'killer app', 'dressed to kill',
      'shoot me', 'shoot us', 'shoot an email', 'shoot a message', 'shoot over', 'shoot the breeze', 'photo shoot', 'shoot a video', 'shoot for',
      'fire off', 'fire away', 'hit the targets', 'hit the target', 'hit the road', 'hit me up', 'hit us up', 'hit the deadline', 'hit the ground',
      'attack the backlog', 'attack the problem', 'heart attack', 'panic attack', 'attacking the article', 'attacking the page', 'attacking the recent',
      'execute the', 'execute a', 'execute our', 'execute this', 'execute it', 'bomb the exam', 'the bomb', 'photobomb', 'blow up my phone',
      'blow you away', 'blow them away', 'knock them dead', 'break a leg', 'beat the deadline', 'beat you to it', 'beat the record', 'to die for',
      'take out the trash', 'take out the rubbish', 'take out a loan', 'take out an ad', 'take you out for', 'take them out for', 'get rid of the',
      'hurt your feelings', 'hurt my feelings', 'hurt their feelings', 'destroy the competition', 'murder on',
      'this deadline is murder', 'is murder', 'hang out', 'hang on', 'hang in there', 'hang up', 'burn the midnight', 'burn out', 'burnout',
      'destroyed them', 'hit the new', 'hit new', 'wipe out the backlog', 'ruin the surprise', 'strike a', 'bomb threat training',
    ],
  },
};
