import { type Family, line } from '../family.js';
import { GLOVES, SOCKS } from '../sizes.js';

const SOCK_SIZE_NOTE: readonly [string, string] = [
  'S fits 22–24 cm, M 24–26 cm, L 26–28 cm.',
  'S 適合 22–24 cm、M 24–26 cm、L 26–28 cm。',
];

const socks = line({ line: 'SK', drawing: 'socks', category: ['Clothing', 'Socks'], type: 'Socks' }, [
  {
    handle: 'tarn-tor-merino-hiker-crew-socks',
    model: 'MHC',
    brand: 'tarnTor',
    gender: 'unisex',
    title: ['Merino Hiker Crew Socks', '美麗諾羊毛登山中筒襪'],
    description: [
      `Medium-cushion hiking socks in 68% merino: full terry under foot, seamless toe, arch band. Warm when wet and odour-resistant over several days. ${SOCK_SIZE_NOTE[0]}`,
      `中厚度登山襪，68% 美麗諾羊毛：腳底全毛圈、無縫襪頭、足弓支撐。潮濕仍保暖，連穿數天不易有異味。${SOCK_SIZE_NOTE[1]}`,
    ],
    tags: ['merino', 'bestseller'],
    attributes: {
      material: ['merino wool', 'nylon', 'elastane'],
      activity: ['hiking', 'trekking'],
      season: 'all-season',
    },
    price: 590,
    grams: 80,
    tint: 'Grey',
    sizes: SOCKS,
    extra: {
      name: 'Pack',
      values: [
        ['1 pair', '1P'],
        ['3 pairs', '3P', 960],
      ],
    },
  },
  {
    handle: 'tarn-tor-merino-light-hiker-socks-women',
    model: 'MLH-W',
    brand: 'tarnTor',
    gender: 'women',
    title: ["Merino Light Hiker Socks — Women's", '美麗諾羊毛輕量健行襪（女款）'],
    description: [
      "Light-cushion merino socks for warm-weather hiking, a narrower heel pocket for women's feet. S fits 22–24 cm, M 24–26 cm.",
      '薄款美麗諾羊毛健行襪，適合溫暖天氣；後跟較窄，更貼合女性腳型。S 適合 22–24 cm、M 24–26 cm。',
    ],
    tags: ['merino'],
    attributes: {
      material: ['merino wool', 'nylon', 'elastane'],
      activity: ['hiking'],
      season: 'spring-summer',
    },
    price: 520,
    grams: 60,
    tint: 'Purple',
    sizes: ['S', 'M'],
    extra: {
      name: 'Pack',
      values: [
        ['1 pair', '1P'],
        ['3 pairs', '3P', 840],
      ],
    },
  },
  {
    handle: 'velox-run-no-show-socks',
    model: 'RNS',
    brand: 'velox',
    gender: 'unisex',
    title: ['Run No-Show Socks', '跑步隱形襪'],
    description: [
      `Thin, fast-drying running socks with a heel tab that stops slipping and a mesh top. ${SOCK_SIZE_NOTE[0]}`,
      `薄款快乾跑襪，後跟防滑片不掉跟，腳背網眼透氣。${SOCK_SIZE_NOTE[1]}`,
    ],
    tags: ['quick-dry'],
    attributes: {
      material: ['recycled polyester', 'elastane'],
      activity: ['road running'],
      season: 'all-season',
    },
    price: 290,
    grams: 40,
    tint: 'White',
    sizes: SOCKS,
    extra: {
      name: 'Pack',
      values: [
        ['1 pair', '1P'],
        ['3 pairs', '3P', 460],
      ],
    },
  },
  {
    handle: 'summit-trail-everyday-cushion-socks-5-pack',
    model: 'ECS5',
    brand: 'summitTrail',
    gender: 'unisex',
    title: ['Everyday Cushion Crew Socks, 5 Pairs', '日常厚底中筒襪五雙組'],
    description: [
      `Cotton-rich cushioned crew socks, five pairs in mixed greys. ${SOCK_SIZE_NOTE[0]}`,
      `高棉含量厚底中筒襪，五雙混色灰。${SOCK_SIZE_NOTE[1]}`,
    ],
    attributes: {
      material: ['cotton', 'polyester', 'elastane'],
      activity: ['everyday', 'walking'],
      season: 'all-season',
    },
    price: 490,
    grams: 250,
    tint: 'Charcoal',
    sizes: SOCKS,
  },
  {
    handle: 'formosa-trail-five-toe-hiking-socks',
    model: 'TOE5',
    brand: 'formosaTrail',
    gender: 'unisex',
    title: ['Five-Toe Hiking Socks', '五趾登山襪'],
    description: [
      `Five-toe socks stop toes rubbing together on long descents; moisture-wicking polyester dries fast in humid forests. ${SOCK_SIZE_NOTE[0]}`,
      `五趾設計避免長下坡時腳趾互相摩擦起水泡；吸濕排汗聚酯纖維，潮濕森林裡也快乾。${SOCK_SIZE_NOTE[1]}`,
    ],
    tags: ['quick-dry'],
    attributes: {
      material: ['polyester', 'nylon', 'elastane'],
      activity: ['hiking', 'trail running'],
      season: 'all-season',
    },
    price: 390,
    grams: 60,
    tint: 'Navy',
    sizes: SOCKS,
    extra: {
      name: 'Pack',
      values: [
        ['1 pair', '1P'],
        ['3 pairs', '3P', 640],
      ],
    },
  },
]);

const headwear = line({ line: 'AC', gender: 'unisex', category: ['Accessories', 'Hats & caps'] }, [
  {
    handle: 'formosa-trail-sun-shade-cap',
    model: 'SHADE',
    brand: 'formosaTrail',
    drawing: 'cap',
    type: 'Cap',
    title: ['Sun Shade Cap with Neck Flap', '遮頸防曬帽'],
    description: [
      'UPF 50+ cap with a removable neck flap, mesh sides and an adjustable back. 75 g, fits 56–60 cm.',
      'UPF 50+ 防曬帽，遮頸片可拆，側邊網布透氣，後方可調。重 75 g，適合頭圍 56–60 cm。',
    ],
    tags: ['sun-protection'],
    attributes: { material: 'nylon', upf: '50+', activity: ['hiking', 'fishing'], season: 'summer' },
    price: 690,
    grams: 100,
    colours: ['Sand', 'Navy'],
  },
  {
    handle: 'velox-race-cap',
    model: 'RCAP',
    brand: 'velox',
    drawing: 'cap',
    type: 'Cap',
    title: ['Race Running Cap', '競速跑帽'],
    description: [
      'A 45 g unstructured running cap with a sweat-wicking band and a brim that folds into a pocket.',
      '45 g 軟頂跑帽，吸汗頭帶，帽簷可摺進口袋。',
    ],
    tags: ['quick-dry', 'reflective'],
    attributes: {
      material: 'recycled polyester',
      activity: ['road running', 'trail running'],
      season: 'all-season',
    },
    price: 790,
    grams: 70,
    colours: ['Black', 'White', 'Lime'],
  },
  {
    handle: 'tarn-tor-merino-beanie',
    model: 'BEAN',
    brand: 'tarnTor',
    drawing: 'beanie',
    type: 'Beanie',
    title: ['Merino Rib Beanie', '美麗諾羊毛毛帽'],
    description: [
      'A double-layer rib-knit beanie in 100% merino; warm without itch. 60 g, one size.',
      '100% 美麗諾羊毛雙層羅紋毛帽，保暖不刺癢。重 60 g，單一尺寸。',
    ],
    tags: ['merino'],
    attributes: { material: '100% merino wool', activity: ['hiking', 'everyday'], season: 'winter' },
    price: 890,
    grams: 90,
    colours: ['Charcoal', 'Mustard', 'Burgundy'],
    markdown: { Mustard: 590 },
  },
  {
    handle: 'formosa-trail-wide-brim-sun-hat',
    model: 'BRIM',
    brand: 'formosaTrail',
    drawing: 'hat',
    type: 'Sun hat',
    title: ['Wide-Brim Sun Hat UPF 50+', '大帽簷防曬帽 UPF50+'],
    description: [
      'An 8 cm brim, chin cord for windy ridges, vented crown. S/M fits 55–57 cm, L/XL 58–61 cm.',
      '8 cm 大帽簷，稜線強風有下巴繩，帽頂透氣孔。S/M 適合頭圍 55–57 cm、L/XL 58–61 cm。',
    ],
    tags: ['sun-protection'],
    attributes: { material: 'nylon', upf: '50+', activity: ['hiking', 'travel'], season: 'summer' },
    price: 890,
    grams: 110,
    colours: ['Sand', 'Olive'],
    sizes: ['S/M', 'L/XL'],
  },
  {
    handle: 'cirrus-lab-neck-gaiter',
    model: 'NGTR',
    brand: 'cirrus',
    drawing: 'gaiter',
    category: ['Accessories', 'Neck gaiters'],
    type: 'Neck gaiter',
    title: ['Multifunction Neck Gaiter', '多功能頭巾'],
    description: [
      'A seamless tube of UPF 50 stretch fabric: neck gaiter, headband, beanie or face cover. 35 g.',
      '無縫 UPF 50 彈性布頭巾：可當脖圍、髮帶、帽子或面罩。重 35 g。',
    ],
    tags: ['sun-protection'],
    attributes: {
      material: 'recycled polyester',
      upf: '50',
      activity: ['hiking', 'cycling', 'running'],
      season: 'all-season',
    },
    price: 450,
    grams: 50,
    colours: ['Teal', 'Orange', 'Black'],
  },
]);

const gloves = line(
  { line: 'AC', drawing: 'gloves', gender: 'unisex', category: ['Accessories', 'Gloves'], type: 'Gloves' },
  [
    {
      handle: 'nordkamm-summit-waterproof-gloves',
      model: 'SGLV',
      brand: 'nordkamm',
      title: ['Summit Waterproof Insulated Gloves', 'Summit 防水保暖手套'],
      description: [
        'NK-Dry waterproof insert, 133 g/m² synthetic insulation, goat-leather palm for grip on ice axes and rock. Comfortable to about −15 °C. 150 g per pair (M). Measure around your palm: S 18–19 cm, M 20–21 cm, L 22–23 cm, XL 24–25 cm.',
        'NK-Dry 防水內層，133 g/m² 化纖保暖棉，山羊皮掌面握冰斧、抓岩石都穩。約可應付 −15 °C。一雙 150 g（M）。量掌圍：S 18–19 cm、M 20–21 cm、L 22–23 cm、XL 24–25 cm。',
      ],
      tags: ['waterproof'],
      attributes: {
        material: ['goat leather', 'nylon'],
        waterproofRating: 'waterproof insert',
        activity: ['mountaineering', 'skiing'],
        season: 'winter',
      },
      price: 2980,
      grams: 200,
      tint: 'Black',
      sizes: GLOVES,
    },
    {
      handle: 'tarn-tor-merino-liner-gloves',
      model: 'LGLV',
      brand: 'tarnTor',
      title: ['Merino Touchscreen Liner Gloves', '美麗諾羊毛觸控內層手套'],
      description: [
        'Thin merino liners with touchscreen fingertips: alone on cool mornings, under shells in winter. 40 g per pair.',
        '薄款美麗諾羊毛內層手套，指尖可觸控：涼爽早晨單戴，冬天當內層。一雙 40 g。',
      ],
      tags: ['merino'],
      attributes: {
        material: ['merino wool', 'nylon'],
        activity: ['hiking', 'everyday'],
        season: 'autumn-winter',
      },
      price: 790,
      grams: 60,
      tint: 'Charcoal',
      sizes: ['S', 'M', 'L'],
    },
  ],
);

const eyewear = line(
  {
    line: 'EY',
    drawing: 'sunglasses',
    gender: 'unisex',
    category: ['Accessories', 'Sunglasses'],
    type: 'Sunglasses',
  },
  [
    {
      handle: 'velox-sprint-shield-sunglasses',
      model: 'SHLD',
      brand: 'velox',
      title: ['Sprint Shield Sport Sunglasses', 'Sprint Shield 運動太陽眼鏡'],
      description: [
        'A frameless shield lens (category 3, 100% UV400) that stays put on fast descents: 26 g, rubber nose pads, vents against fogging.',
        '無框大片式鏡片（第 3 類，100% UV400），快速下坡也不滑動：重 26 g，橡膠鼻墊，通風孔防霧。',
      ],
      attributes: {
        lensCategory: '3',
        uvProtection: 'UV400',
        activity: ['road running', 'cycling', 'trail running'],
        season: 'all-season',
      },
      price: 2480,
      grams: 120,
      tint: 'Black',
      extra: {
        name: 'Lens',
        values: [
          ['Smoke', 'SMK'],
          ['Blue Mirror', 'BMR', 300],
          ['Photochromic', 'PHC', 1200],
        ],
      },
    },
    {
      handle: 'nordkamm-glacier-glasses',
      model: 'GLCR',
      brand: 'nordkamm',
      title: ['Glacier Glasses Category 4', '冰河鏡（第 4 類）'],
      description: [
        'Category 4 lenses (transmits 3–8% of light) with removable side shields for snow and high altitude. Not for driving. 32 g.',
        '第 4 類鏡片（透光率 3–8%），附可拆式側遮片，雪地與高海拔用。不可用於駕駛。重 32 g。',
      ],
      attributes: {
        lensCategory: '4',
        uvProtection: 'UV400',
        activity: ['mountaineering'],
        season: 'winter',
      },
      price: 3280,
      grams: 140,
      tint: 'Brown',
    },
    {
      handle: 'formosa-trail-polarised-trail-sunglasses',
      model: 'POLR',
      brand: 'formosaTrail',
      title: ['Polarised Trail Sunglasses', '偏光健行太陽眼鏡'],
      description: [
        'Polarised category 3 lenses that cut glare off wet rock and water; flexible TR90 frame, 24 g, case included.',
        '偏光第 3 類鏡片，減少濕岩與水面反光；TR90 彈性鏡框，重 24 g，附眼鏡盒。',
      ],
      attributes: {
        lensCategory: '3',
        uvProtection: 'UV400',
        polarised: 'yes',
        activity: ['hiking', 'fishing', 'travel'],
        season: 'all-season',
      },
      price: 1680,
      grams: 110,
      tint: 'Olive',
      extra: {
        name: 'Lens',
        values: [
          ['Grey', 'GRY'],
          ['Brown', 'BRN'],
        ],
      },
    },
  ],
);

const watches = line(
  {
    line: 'WT',
    brand: 'lumenpeak',
    drawing: 'watch',
    gender: 'unisex',
    category: ['Electronics', 'GPS watches'],
    type: 'GPS watch',
  },
  [
    {
      handle: 'lumenpeak-traverse-2-gps-watch',
      model: 'TRV2',
      title: ['Traverse 2 Outdoor GPS Watch', 'Traverse 2 戶外 GPS 手錶'],
      description: [
        'Multi-band GPS with offline topo maps of Taiwan, barometric altimeter, compass, breadcrumb back-to-start, 10 ATM water rating. Battery: 18 days smartwatch, 40 h GPS. 62 g, 47 mm case.',
        '多頻 GPS，內建台灣離線等高線地圖、氣壓高度計、電子羅盤、循原路返回，10 ATM 防水。續航：智慧錶模式 18 天、GPS 模式 40 小時。重 62 g，47 mm 錶殼。',
      ],
      tags: ['waterproof', 'new'],
      attributes: {
        waterproofRating: '10 ATM',
        battery: '18 days / 40 h GPS',
        activity: ['hiking', 'trail running', 'mountaineering'],
        season: 'all-season',
      },
      price: 12990,
      costPercent: 58,
      grams: 350,
      colours: ['Black', 'Forest Green'],
    },
    {
      handle: 'lumenpeak-pace-5-running-watch',
      model: 'PACE5',
      title: ['Pace 5 GPS Running Watch', 'Pace 5 GPS 跑錶'],
      description: [
        'A light 38 g running watch: wrist heart rate, training load and recovery advice, interval workouts, 5 ATM. 12 days smartwatch, 20 h GPS. 42 mm case.',
        '38 g 輕量跑錶：光學心率、訓練負荷與恢復建議、間歇訓練、5 ATM 防水。智慧錶模式 12 天、GPS 20 小時。42 mm 錶殼。',
      ],
      tags: ['bestseller'],
      attributes: {
        waterproofRating: '5 ATM',
        battery: '12 days / 20 h GPS',
        activity: ['road running', 'gym'],
        season: 'all-season',
      },
      price: 6990,
      was: 7990,
      costPercent: 55,
      grams: 300,
      colours: ['Black', 'White', 'Pink'],
    },
    {
      handle: 'lumenpeak-apex-solar-pro',
      model: 'APEX',
      title: ['Apex Solar Pro Expedition Watch', 'Apex Solar Pro 太陽能探險錶'],
      description: [
        'Solar charging, titanium bezel, 1.4" AMOLED, built-in LED flashlight and satellite-band GPS; up to 28 days smartwatch and 120 h GPS (with sun). Sapphire edition has a scratch-proof sapphire lens. 79 g, 51 mm case.',
        '太陽能充電、鈦金屬錶圈、1.4 吋 AMOLED、內建 LED 手電筒與多頻衛星定位；智慧錶模式最長 28 天、GPS 120 小時（日照下）。藍寶石版採抗刮藍寶石鏡面。重 79 g，51 mm 錶殼。',
      ],
      tags: ['expedition'],
      attributes: {
        waterproofRating: '10 ATM',
        battery: '28 days / 120 h GPS',
        activity: ['mountaineering', 'ultra running'],
        season: 'all-season',
      },
      price: 23990,
      costPercent: 60,
      grams: 380,
      tint: 'Charcoal',
      extra: {
        name: 'Edition',
        values: [
          ['Standard', 'STD'],
          ['Sapphire', 'SAP', 4000],
        ],
      },
    },
  ],
);

export const accessories: Family[] = [...socks, ...headwear, ...gloves, ...eyewear, ...watches];
