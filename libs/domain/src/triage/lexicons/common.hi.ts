import type { CommonLexicon } from '../lexicon.js';

/** Hindi in Devanagari and romanized (spellings vary: "maar"/"mar", "dunga"/"doonga"). SOV: the intent auxiliary follows the verb. */
export const commonHi: CommonLexicon = {
  language: 'hi',
  boundaries: 'word',
  slots: {
    intent: [
      'वाला हूं', 'वाली हूं', 'वाले हैं', 'वाला हूँ', 'वाली हूँ', 'चाहता हूं', 'चाहती हूं', 'चाहते हैं', 'जा रहा हूं', 'जा रही हूं', 'जा रहे हैं', 'दूंगा', 'दूंगी',
      'देंगे', 'डालूंगा', 'डालूंगी', 'डालेंगे', 'करूंगा', 'करूंगी', 'करेंगे', 'कर दूंगा', 'कर देंगे', 'मैं', 'हम',
      'wala hoon', 'wala hu', 'wali hoon', 'wali hu', 'wale hain', 'chahta hoon', 'chahta hu', 'chahti hoon', 'chahti hu', 'chahte hain', 'ja raha hoon',
      'ja raha hu', 'ja rahi hoon', 'ja rahe hain', 'dunga', 'doonga', 'dungi', 'doongi', 'denge', 'dalunga', 'daalunga', 'dalenge', 'daalenge', 'karunga',
      'karungi', 'karenge', 'kar dunga', 'kar denge', 'main', 'mai', 'hum', 'chalo', 'aao', 'aaiye', 'aaiye hum', 'karte rahenge', 'karte rahunga', 'rahenge', 'karna hoga', 'karna padega', 'karne ja raha', 'karne ja rahe', 'karne wala hoon', 'karoonga', 'doonga', 'denge hum', 'paye', 'paayein', 'payen', 'करते रहेंगे', 'रहेंगे', 'करना होगा', 'करना पड़ेगा', 'करने जा रहा', 'करने जा रहे', 'करूँगा', 'दूँगा', 'आइए', 'पाएं',
    ],
    negation: ['नहीं', 'ना', 'न', 'मत', 'कभी नहीं', 'बिना', 'कोई नहीं', 'nahi', 'nahin', 'na', 'mat', 'kabhi nahi', 'bina', 'koi nahi', 'khilaf'],
    counter: ['कहना', 'कहता', 'कहा', 'कहते', 'लिखा', 'लिखते', 'जैसी धमकियां', 'जैसे संदेश', 'जैसी बातें', 'कहने के लिए', 'धमकी देने के लिए', 'आह्वान', 'धमकी दी', 'कहने पर', 'kehne', 'kehne ka', 'कहने', 'कहने का', 'kehna', 'kehta', 'kaha', 'kehte', 'likha', 'jaisi dhamki', 'jaise sandesh', 'jaisi baatein', 'kehne ke liye', 'dhamki dene', 'dhamki di', 'kehne par', 'bolna', 'bola', 'sazaa', 'saza', 'jail', 'nindaa', 'ninda'],
    second_person: ['तुम', 'तुम्हें', 'तुझे', 'तू', 'आप', 'आपको', 'तुम्हारा', 'तुम्हारी', 'तेरा', 'तेरी', 'tum', 'tumhe', 'tumhein', 'tujhe', 'aap', 'aapko', 'tumko', 'tumhara', 'tumhari', 'tera', 'teri', 'tere'],
    person: ['उसे', 'उसको', 'उन्हें', 'उनको', 'लोगों', 'लोग', 'आदमी', 'औरत', 'सबको', 'एडमिन', 'मॉडरेटर', 'संपादक', 'कर्मचारी', 'परिवार', 'usko', 'unhe', 'unko', 'logon', 'aadmi', 'aurat', 'sabko', 'parivar', 'use', 'unpe', 'tumpe', 'us par', 'un par', 'उस पर', 'उन पर'],
    group: ['औरतों', 'महिलाओं', 'महिलाएं', 'मुसलमानों', 'मुसलमान', 'हिंदुओं', 'दलितों', 'समलैंगिकों', 'ट्रांसजेंडर', 'किन्नरों', 'हिजड़ों', 'विदेशियों', 'प्रवासियों', 'विकलांगों', 'अश्वेत', 'aurton', 'auraton', 'aurat', 'aurto', 'aurato', 'auratein', 'aurtein', 'hijra', 'hijro', 'hijron', 'gays', 'gay', 'negro', 'shudra', 'shudro', 'shudron', 'assamese', 'musalmano', 'isai', 'isaiyon', 'sikhon', 'dalit', 'adivasi', 'bihari', 'औरतें', 'हिजड़े', 'शरणार्थियों', 'शरणार्थी', 'अल्पसंख्यकों', 'शूद्रों', 'शूद्र', 'ईसाइयों', 'आदिवासियों', 'mahilaon', 'mahila', 'musalmano', 'musalmanon', 'musalman', 'hinduon', 'dalito', 'daliton', 'dalit', 'samlaingik', 'hijre', 'hijron', 'kinnar', 'videshi', 'videshiyon', 'pravasi', 'pravasiyon', 'viklang', 'viklango', 'apahij', 'kaale log', 'kale log', 'sharnarthi', 'sharnarthiyon'],
    place: ['दफ्तर', 'ऑफिस', 'मुख्यालय', 'इमारत', 'स्कूल', 'मस्जिद', 'मंदिर', 'चर्च', 'मीटअप', 'घर', 'गाड़ी', 'daftar', 'masjid', 'mandir', 'ghar', 'gaadi', 'sthal', 'स्थल', 'karyalay', 'कार्यालय'],
    time: ['आज रात', 'कल', 'आज', 'इस वीकेंड', 'अगले हफ्ते', 'इस हफ्ते', 'सोमवार', 'मंगलवार', 'बुधवार', 'गुरुवार', 'शुक्रवार', 'शनिवार', 'रविवार', 'अभी', 'एक घंटे में', 'आज शाम', 'सुबह', 'जल्द', 'अगली बार', 'जन्मदिन', 'aaj raat', 'kal', 'aaj', 'agle hafte', 'is hafte', 'somvar', 'mangalvar', 'budhvar', 'guruvar', 'shukravar', 'shanivar', 'ravivar', 'abhi', 'ek ghante', 'aaj shaam', 'subah', 'jald', 'agli baar', 'janamdin'],
    normative: ['चाहिए', 'लायक', 'हकदार', 'काश', 'उम्मीद', 'बेहतर होगा', 'एकमात्र उपाय', 'एकमात्र समाधान', 'chahiye', 'layak', 'haqdar', 'hakdar', 'kaash', 'kash', 'ummeed', 'behtar hoga', 'behtar hai', 'ekmatra', 'ek hi hal', 'ek hi upay', 'sabse accha', 'sabse achha', 'sabse behtar', 'nyayapoorn', 'nyaypurn', 'asha', 'ummid', 'agar keval koi', 'agar koi', 'kisi ko', 'chaiye', 'chahie', 'सबसे अच्छा', 'सबसे बेहतर', 'न्यायपूर्ण', 'आशा', 'अगर कोई', 'किसी को'],
    idiom: ['बिना दया', 'बिना रहम', 'बेरहमी', 'bina daya', 'bina reham', 'berehmi', 'nirdaya', 'nirdayi', 'nirdaniye'],
  },
};
