import type { CategoryLexicon } from '../lexicon.js';

export const doxxingHi: CategoryLexicon<'doxxing'> = {
  category: 'doxxing',
  language: 'hi',
  boundaries: 'word',
  slots: {
    direct: ['पता है मैं कहाँ रहती', 'पता है मैं कहाँ रहता', 'मेरा पता ढूंढ लिया', 'pata dhoondh liya', 'pata dhundh liya', 'pata hai main kahan rehti hoon', 'पता है मैं कहां रहता', 'पता है मैं कहां रहती', 'जानता है मैं कहां रहता', 'जानता है मैं कहां रहती', 'सबको पता है कहां', 'मेरा पता ढूंढ', 'मेरा पता मिल', 'मेरी पहचान उजागर', 'doxx', 'doxxed', 'doxxing', 'pata hai main kahan rehta', 'pata hai main kahan rehti', 'janta hai main kahan', 'sabko pata hai kahan', 'mera pata dhoond', 'mera pata mil', 'meri pehchaan ujagar', 'meri pehchan ujagar'],
    disclose: ['डाल दिया है', 'डालकर', 'डाल देंगे', 'daal diya hai', 'daalkar', 'dalkar', 'daal denge', 'dal denge', 'पोस्ट', 'शेयर', 'प्रकाशित', 'लीक', 'डाल दिया', 'डाल दी', 'डाला', 'सार्वजनिक', 'फैला', 'उजागर', 'अपलोड', 'छाप', 'post', 'share', 'prakashit', 'leak', 'daal diya', 'dal diya', 'daal di', 'dal di', 'daala', 'dala', 'sarvajanik', 'public kar', 'faila', 'phaila', 'ujagar', 'upload', 'chhaap', 'chaap', 'viral'],
    personal_data: ['पता', 'घर का पता', 'फोन नंबर', 'मोबाइल नंबर', 'नंबर', 'आईबैन', 'बैंक खाता', 'खाता संख्या', 'पासपोर्ट', 'आधार', 'पैन', 'पहचान पत्र', 'ड्राइविंग लाइसेंस', 'जन्म तिथि', 'आईपी', 'असली नाम', 'पूरा नाम', 'दफ्तर', 'स्कूल', 'गाड़ी का नंबर', 'नंबर प्लेट', 'घर की फोटो', 'घर की तस्वीर', 'निजी जानकारी', 'व्यक्तिगत जानकारी', 'ईमेल', 'pata', 'ghar ka pata', 'address', 'phone number', 'mobile number', 'number', 'iban', 'bank khata', 'bank account', 'khata sankhya', 'passport', 'aadhaar', 'aadhar', 'pan card', 'pehchan patra', 'id card', 'driving licence', 'driving license', 'janm tithi', 'date of birth', 'ip address', 'ip', 'asli naam', 'pura naam', 'poora naam', 'real name', 'daftar', 'office', 'school', 'gaadi ka number', 'gadi ka number', 'number plate', 'ghar ki photo', 'ghar ki tasveer', 'niji jankari', 'nijee jaankari', 'personal details', 'vyaktigat jankari', 'email'],
    own_data: ['अपना पता', 'अपना नंबर', 'apna pata', 'apna number', 'मेरा अपना', 'मेरी अपनी', 'मैंने पोस्ट', 'गलती से', 'भूल से', 'सालों पहले', 'अपडेट', 'बदल', 'शिफ्ट', 'आधिकारिक', 'mera apna', 'meri apni', 'maine post', 'maine daala', 'maine dala', 'galti se', 'bhool se', 'saalon pehle', 'salon pehle', 'update', 'badal', 'shift', 'official', 'aadhikarik'],
    idiom: ['पता नहीं', 'पता चला', 'मुझे पता', 'pata nahi', 'pata nahin', 'pata chala', 'mujhe pata', 'pata tha', 'kya pata', 'pata karo', 'pata kar'],
  },
};
