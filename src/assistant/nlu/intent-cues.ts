/**
 * Words and phrasings that signal each intent, in English and Traditional Chinese (with the
 * Simplified forms shoppers also type). A cue's weight says how sure it makes us on its own;
 * several cues for one intent add up a little. Matching runs on lowercase, width-folded text.
 */
import type { Intent } from './types.js';

export interface IntentCue {
  readonly intent: Intent;
  readonly weight: number;
  readonly pattern: RegExp;
}

function cue(intent: Intent, weight: number, source: string): IntentCue {
  return { intent, weight, pattern: new RegExp(source, 'iu') };
}

export const INTENT_CUES: readonly IntentCue[] = [
  // Browsing and searching.
  cue(
    'browse',
    0.5,
    String.raw`\b(?:show|see|find|looking for|look for|search|browse|recommend|suggest|need|want|got any|do you (?:have|sell|carry|stock)|have you got|any|anything|something|options for|what .*do you have|gift for|shopping for|in the market for)\b`,
  ),
  cue(
    'browse',
    0.5,
    String.raw`有沒有|有没有|有賣|有卖|有什麼|有什么|想買|想买|想找|找一?[件個雙款支頂把]|推薦|推荐|請問有|看看|給我看|给我看|幫我找|帮我找|要買|要买|我需要|需要一|有.{0,12}嗎|有.{0,12}吗|送禮|送礼|逛逛`,
  ),
  // Narrowing what is on screen.
  cue(
    'refine',
    0.55,
    String.raw`\b(?:only|just (?:the|show)|instead|what about|how about|any in|in (?:a |size )?\w+ instead|filter|narrow|other colou?rs?|another colou?r|different colou?r|in other|smaller|bigger|lighter|show (?:me )?(?:only|just)|without|exclude|sort by|cheaper ones|do they come in|does it come in|anything (?:cheaper|lighter|smaller|bigger)|less than that|more options)\b`,
  ),
  cue(
    'refine',
    0.55,
    String.raw`只要|只看|只顯示|只显示|換成|换成|改看|改成.{0,4}色|其他顏色|其他颜色|別的顏色|别的颜色|別的顏|有別的|有别的|還有別|还有别|還有其他|还有其他|輕一點|轻一点|小一點|大一點|不要.{0,6}的|排除|篩選|筛选|依價格|按價格|由低到高|有.{0,4}色的嗎|換個|换个`,
  ),
  // Comparing.
  cue(
    'compare',
    0.75,
    String.raw`\b(?:compare|comparison|difference|differences|different from|differ|vs\.?|versus|which (?:one )?is (?:better|lighter|warmer|cheaper|more)|which (?:is|one|should)|better than|or the|side by side)\b`,
  ),
  cue(
    'compare',
    0.75,
    String.raw`比較(?!便宜|贵|貴|輕|轻|大|小|重|好穿)|比较(?!便宜|贵|轻|大|小|重)|差別|差别|差異|差异|哪個好|哪个好|哪一個|哪一个|哪個比較|哪个比较|哪款|還是|还是|跟.{1,20}比|和.{1,20}比|有什麼不同|有什么不同|差在哪|哪雙|哪件`,
  ),
  // Questions about a product's facts.
  cue(
    'ask_attribute',
    0.6,
    String.raw`\b(?:is it|is this|is that|are they|are these|does it|does this|do they|what(?:'s| is) (?:it|the|this) made of|made of|material|how (?:heavy|much does it weigh|warm|big|long|wide|many litres|many liters)|weight|weigh|waterproof\?|breathable|what (?:size|sizes|colou?rs?) (?:does|do|are)|what colou?rs?|which colou?rs?|what sizes|does (?:it|this|that) fit|how does (?:it|this|that) fit|fits? (?:small|large|big|true)|true to size|run (?:small|large|big)|dimensions|capacity|rating|warranty on|care|wash|machine wash|how do i (?:clean|brew|use)|origin|where is it from|caffeine|specs?|details|tell me (?:more )?about|temperature)\b`,
  ),
  cue(
    'ask_attribute',
    0.6,
    String.raw`材質|材质|重量|多重|多大|多長|多长|多寬|尺寸表|偏大|偏小|合腳|合脚|防水嗎|防水吗|透氣嗎|透气吗|保暖嗎|保暖吗|什麼材|什么材|有哪些顏色|有哪些颜色|有什麼顏色|有什么颜色|什麼顏色|什么颜色|有幾種顏色|有几种颜色|幾公升|几公升|容量|規格|规格|產地|产地|怎麼洗|怎么洗|可以洗|怎麼泡|怎么泡|咖啡因|溫度|温度|適合.{0,10}嗎|适合.{0,10}吗|耐用嗎|耐用吗|好穿嗎|會不會|会不会|是不是|可以.{0,8}嗎|介紹|介绍|詳細|详细|保固`,
  ),
  // Stock and availability.
  cue(
    'stock',
    0.8,
    String.raw`\b(?:in stock|out of stock|stock|available|availability|sold out|back in stock|restock|left|any left|have (?:it|them|one) in|pick ?up|pickup|in store|at the store|which store|branch|how many (?:do you have|are left|left))\b`,
  ),
  cue(
    'stock',
    0.8,
    String.raw`庫存|库存|有貨|有货|沒貨|没货|缺貨|缺货|現貨|现货|還有嗎|还有吗|還有沒有|还有没有|賣完|卖完|補貨|补货|到貨|到货|門市|门市|店裡有|店里有|自取|剩幾|剩几|還剩|还剩|有現貨|有庫存`,
  ),
  // Prices, deals and coupons.
  cue(
    'price_promotion',
    0.75,
    String.raw`\b(?:how much|price|prices|cost|costs|discount|discounts|sale|on sale|deal|deals|promo|promotion|promotions|coupon|code|voucher|offer|offers|% off|percent off|cheaper anywhere|price match|bundle|free shipping (?:over|threshold)|member price|markdown)\b`,
  ),
  cue(
    'price_promotion',
    0.75,
    String.raw`多少錢|多少钱|價格|价格|價錢|价钱|售價|售价|優惠|优惠|折扣|打折|特價|特价|促銷|促销|折價券|折价券|優惠碼|优惠码|折扣碼|折扣码|活動|活动|便宜多少|幾折|几折|滿額|满额|特惠|降價|降价|序號`,
  ),
  // The cart.
  cue(
    'add_to_cart',
    0.85,
    String.raw`\b(?:add|put|throw|toss|stick|i'?ll take|i will take|i'?ll get|i'?ll have|take (?:it|them|this|that|the)|buy (?:it|this|that|them|the|\d|two|one)|get me|i want (?:this|that|it|the|\d|two|one|a pair)|i'?d like (?:this|that|it|the|\d|two|one|a pair)|(?:can|could|may) i (?:get|have|order) (?:\d+|two|three|four|five|six|a pair|a couple)\b|add to (?:my )?(?:cart|basket|bag)|into (?:my )?(?:cart|basket|bag))\b`,
  ),
  cue(
    'add_to_cart',
    0.85,
    String.raw`加入購物車|加入购物车|加到購物車|加到购物车|放進購物車|放进购物车|加購物車|加购物车|加入|加到|放進|放进|我要這|我要这|我要那|我要第|幫我加|帮我加|買這|买这|買那|买那|就這個|就这个|就那|就要|來一|来一|給我一|给我一|拿一`,
  ),
  cue(
    'add_to_cart',
    0.6,
    String.raw`我要(?:[一兩两二三四五六\d]\s*[雙双件個个支盒包罐瓶組组套])|買(?:[一兩两二三四五\d]\s*[雙双件個个支盒包罐瓶])`,
  ),
  cue(
    'remove_from_cart',
    0.9,
    String.raw`\b(?:remove|delete|take (?:out|off)|drop|get rid of|don'?t want (?:the|that|this|it)|no longer want|cancel (?:the|that) (?:item|line))\b.{0,40}\b(?:cart|basket|bag|it|that|this|them|one|the)?`,
  ),
  cue(
    'remove_from_cart',
    0.9,
    String.raw`移除|刪除|删除|拿掉|拿走|不要了|取消.{0,6}(?:商品|這個|这个|那個|那个|那件)|從購物車|从购物车|購物車.{0,10}(?:刪|删|拿掉|移除)|不買了|不买了`,
  ),
  cue(
    'update_quantity',
    0.9,
    String.raw`\b(?:change (?:the )?(?:quantity|qty|amount)|update (?:the )?(?:quantity|qty)|make it|make that|set (?:the )?(?:quantity|qty)|only (?:want|need) (?:one|two|three|\d)|instead of (?:one|two|three|\d)|one more|another one|two more|\d more|more of|less of|fewer|reduce|increase|decrease|bump (?:it|that) (?:up|to)|change .{0,20} to \d|quantity to)\b`,
  ),
  cue(
    'update_quantity',
    0.9,
    String.raw`數量|数量|改成\s*\S{0,3}[雙件個个支盒包罐瓶]|改為|改为|改成\s*\d|多加一|再加一|再來一|再来一|再一|多一|少一|減少|减少|增加|只要\S{1,2}[雙件個个支盒包罐瓶]|換成\S{1,2}[雙件個个支盒包罐瓶]`,
  ),
  cue(
    'view_cart',
    0.9,
    String.raw`\b(?:my cart|the cart|my basket|my bag|view cart|show cart|cart total|what'?s in (?:my|the) (?:cart|basket|bag)|what did i add|what have i got|subtotal|how much is my|total so far)\b`,
  ),
  cue(
    'view_cart',
    0.9,
    String.raw`購物車|购物车|買了什麼|买了什么|加了什麼|加了什么|車裡|车里|總共多少|总共多少|小計|小计|總金額|总金额|目前總額`,
  ),
  cue(
    'checkout',
    0.95,
    String.raw`\b(?:checkout|check out|pay|payment|place (?:the|my|an)? ?order|complete (?:my|the)? ?(?:order|purchase)|finish (?:my|the)? ?(?:order|purchase)|proceed|ready to (?:buy|order|pay)|buy now|ship it|let'?s do it|credit card|pay with|apple pay|line pay)\b`,
  ),
  cue(
    'checkout',
    0.95,
    String.raw`結帳|结账|結賬|付款|買單|买单|下訂|刷卡|信用卡|去付|付錢|付钱|完成訂單|完成订单|送出訂單|送出订单|我要結|可以結|貨到付款|货到付款|超商取貨|超商取货`,
  ),
  // After the sale.
  cue(
    'order_status',
    0.9,
    String.raw`\b(?:where(?:'s| is) my|order status|status of|track|tracking|shipped|shipping status|delivery status|when will (?:it|my|i)|has my|arrive|arrived|delivered|haven'?t (?:received|got)|not (?:received|arrived)|my order|past orders|order history|eta)\b`,
  ),
  cue(
    'order_status',
    0.9,
    String.raw`訂單狀態|订单状态|我的訂單|我的订单|查訂單|查订单|查詢訂單|查询订单|到哪|寄出|出貨了|出货了|出貨|出货|物流|追蹤|追踪|什麼時候到|什么时候到|何時到|还没到|還沒到|還沒收到|还没收到|送到了|配送|訂單.{0,10}(?:呢|嗎|吗|怎麼|怎么)|包裹`,
  ),
  cue(
    'cancel_order',
    0.95,
    String.raw`\b(?:cancel|cancellation|call off|don'?t want (?:the|my) order|stop (?:the|my) order)\b`,
  ),
  cue(
    'cancel_order',
    0.95,
    String.raw`取消訂單|取消订单|取消.{0,8}訂單|取消.{0,8}订单|不要.{0,4}訂單|訂單.{0,6}取消|订单.{0,6}取消|取消`,
  ),
  cue(
    'return_order',
    0.95,
    String.raw`\b(?:return|returns|returning|send (?:it|them|this|these|those) back|refund|money back|send back)\b`,
  ),
  cue(
    'return_order',
    0.95,
    String.raw`退貨|退货|退款|退錢|退钱|退回|退掉|想退|要退|可以退|怎麼退|怎么退|退(?:那|這|这)(?:一)?[件雙双個个支頂顶把條条組组]`,
  ),
  cue(
    'exchange_order',
    1,
    String.raw`\b(?:exchange|swap|switch (?:it|them) (?:for|out)|trade (?:it|them) for|different size instead|change (?:it|them|the size|the colou?r) (?:for|to))\b`,
  ),
  cue(
    'exchange_order',
    1,
    String.raw`換貨|换货|換尺寸|换尺寸|換顏色|换颜色|換一雙|换一双|換一件|换一件|換大|换大|換小|换小|更換|更换|調換|调换|換成別|換一個尺|換號`,
  ),
  // Why an item does not work: an exchange when nothing else is asked, but a return said outright stays one.
  cue(
    'exchange_order',
    0.7,
    String.raw`\b(?:wrong size|doesn'?t fit|does not fit|too (?:small|big|large|tight|short|long))\b|尺寸不合|尺寸不對|尺寸不对|不合身|太小了|太大了|太緊|太紧`,
  ),
  cue(
    'policy',
    1.05,
    String.raw`\b(?:return|exchange|refund)s?\s+(?:policy|policies|window|period|rules|terms)\b|how long .{0,25}(?:return|exchange|refund)|how many days .{0,25}(?:return|exchange)|can (?:you|i) return .{0,20}(?:opened|used|worn|sale)`,
  ),
  cue(
    'policy',
    1.05,
    String.raw`(?:退貨|退货|退換貨|退换货|換貨|换货|退款)(?:的)?(?:政策|規定|规定|期限|流程|規則|规则)|幾天內.{0,8}退|几天内.{0,8}退|鑑賞期|鉴赏期`,
  ),
  cue(
    'policy',
    0.85,
    String.raw`\b(?:policy|policies|return window|how long (?:do i have|to return)|shipping (?:cost|fee|time|policy|options|to)|delivery (?:cost|fee|time|options)|do you ship|ship to|international|free shipping|warranty|guarantee|opening hours|open(?:ing)? times|store hours|hours|when are you open|where are you|address|located|terms|privacy|gift wrap|installment|payment methods|do you accept|invoice|receipt|e-invoice|how many days)\b`,
  ),
  cue(
    'policy',
    0.85,
    String.raw`政策|規定|规定|運費|运费|幾天到|几天到|寄到|寄送|運送|运送|配送方式|保固|保修|營業時間|营业时间|幾點|几点|地址|(?:店|門市|门市|你們|你们|公司).{0,4}在哪|門市在|有寄|退換貨規定|鑑賞期|鉴赏期|七天|幾天內|几天内|發票|发票|統編|统编|分期|付款方式|包裝|包装|海外|國外|国外|免運門檻|免运门槛|隱私|隐私`,
  ),
  // Who the shopper is.
  cue(
    'identify',
    0.8,
    String.raw`\b(?:my name is|i'?m [A-Z]|i am [A-Z]|my email|email is|e-mail|zip(?: code)?|postal|postcode|log ?in|sign ?in|verify|it'?s me|here'?s my|phone number)\b`,
  ),
  cue(
    'identify',
    0.8,
    String.raw`我叫|我是[^想要問问在不]|我的名字|名字是|姓名|我的信箱|信箱是|email是|郵遞區號|邮递区号|郵編|邮编|登入|登录|驗證|验证|手機號碼|电话`,
  ),
  // Small talk and control.
  cue(
    'greeting',
    0.8,
    String.raw`^[\s\p{P}\p{S}]*(?:hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening)|howdy|greetings|hola|sup|what'?s up)(?:[\s\p{P}\p{S}]+(?:there|all|team|everyone|folks))?[\s\p{P}\p{S}]*$`,
  ),
  cue(
    'greeting',
    0.8,
    String.raw`^[\s\p{P}\p{S}]*(?:你好|您好|哈囉|哈啰|嗨|早安|午安|晚安|安安|hello|hi)(?:[\s\p{P}\p{S}]*(?:你好|您好|請問一下|请问一下|老闆|老板|～|~))*[\s\p{P}\p{S}]*$`,
  ),
  cue('greeting', 0.3, String.raw`^[\s\p{P}\p{S}]*(?:hi|hello|hey|你好|您好|哈囉|嗨)\b`),
  cue(
    'thanks',
    0.85,
    String.raw`\b(?:thanks|thank you|thx|ty|cheers|appreciate|much appreciated|great help|that'?s helpful|perfect, thanks)\b`,
  ),
  cue('thanks', 0.85, String.raw`謝謝|谢谢|感謝|感谢|多謝|多谢|感恩|3q|辛苦了`),
  cue(
    'human',
    0.95,
    String.raw`\b(?:human|real person|agent|representative|someone real|staff|talk to (?:someone|a person)|speak (?:to|with) (?:someone|a person|a manager)|manager|customer service|support team|call me|phone you|live chat|not a bot|a person)\b`,
  ),
  cue(
    'human',
    0.95,
    String.raw`真人|客服|專人|专人|人工|店員|店员|打電話|打电话|主管|不要機器人|不要机器人|找人|轉接|转接`,
  ),
  cue(
    'affirm',
    0.9,
    String.raw`^[\s\p{P}\p{S}]*(?:yes|yeah|yep|yup|sure|ok|okay|k|alright|all right|correct|right|exactly|sounds good|looks good|go ahead|do it|please do|confirm|confirmed|of course|definitely|absolutely|sure thing|that'?s right|that works|fine|great|perfect)(?:[\s\p{P}\p{S}]+(?:yes|yeah|yep|yup|sure|ok|okay|k|alright|all right|correct|right|exactly|sounds good|looks good|go ahead|do it|please do|confirm|confirmed|of course|definitely|absolutely|sure thing|that'?s right|that works|fine|great|perfect|please))*[\s\p{P}\p{S}]*$`,
  ),
  cue(
    'affirm',
    0.9,
    String.raw`^[\s\p{P}\p{S}]*(?:好|好的|好啊|好喔|好哦|可以|可以的|對|对|沒錯|没错|是的|是|嗯|恩|確定|确定|行|沒問題|没问题|就這樣|就这样|ok|好呀|麻煩你|麻烦你|確認|确认)[\s\p{P}\p{S}啊喔哦呀吧了]*$`,
  ),
  cue(
    'deny',
    0.9,
    String.raw`^[\s\p{P}\p{S}]*(?:no|nope|nah|not really|never ?mind|not now|maybe later|don'?t|cancel that|wrong|that'?s wrong|not that|no need)(?:[\s\p{P}\p{S}]+(?:no|nope|nah|not really|never ?mind|not now|maybe later|don'?t|cancel that|wrong|that'?s wrong|not that|no need|thanks|thank you|thx))*[\s\p{P}\p{S}]*$`,
  ),
  cue(
    'deny',
    0.9,
    String.raw`^[\s\p{P}\p{S}]*(?:不|不要|不用|不用了|不是|沒有|没有|算了|先不要|先不用|不對|不对|錯|错|不需要|免了|再說|再说)[\s\p{P}\p{S}啊喔哦呀吧了謝谢]*$`,
  ),
  // Clearly outside a shop.
  cue(
    'out_of_scope',
    0.9,
    String.raw`\b(?:weather|joke|poem|news|stock market|bitcoin|crypto|homework|president|football score|recipe for|translate|who are you|are you (?:a bot|human|ai)|meaning of life|capital of|write me|code in|python|movie|song|lottery)\b`,
  ),
  cue(
    'out_of_scope',
    0.9,
    String.raw`天氣|天气|笑話|笑话|新聞|新闻|股票|比特幣|作業|作业|總統|总统|翻譯|翻译|你是誰|你是谁|電影|电影|唱歌|樂透|彩票|寫詩|写诗|食譜|食谱`,
  ),
  cue('browse', 0.5, String.raw`\banything\b`),
  cue(
    'refine',
    0.6,
    String.raw`(?:便宜|貴|贵|高級|高级|輕|轻|小|大)一[點点些]|\b(?:cheaper|lighter|smaller|bigger|pricier|more premium|less expensive) (?:ones|options)\b|^那.{1,12}[呢咧]|^(?:what|how) about\b|^(?:and |or )?(?:in|under|below|over|only|just) `,
  ),
  cue('refine', 0.9, String.raw`\bsort(?:ed)? by\b|由低到高|由高到低|排序|\blowest price first\b`),
  cue(
    'ask_attribute',
    0.8,
    String.raw`\bwhat sizes\b|\bwhat colou?rs?\b|\bwhich colou?rs?\b|\bmade of\b|\bhow heavy\b|\btrue to size\b|\brun(?:s)? (?:small|large|big)\b|\bmaterial\b|材質|材质|重量|多重|有哪些顏色|有什麼顏色|什麼顏色|偏小|偏大|保養|保养|是.{1,8}的[嗎吗]`,
  ),
  cue(
    'ask_attribute',
    0.7,
    String.raw`^(?:is|are|does|do|can|will|would|did) (?:the|this|that|it|these|those|they)\b`,
  ),
  cue('ask_attribute', 0.65, String.raw`可以用.{0,8}[嗎吗]|能不能|能.{1,8}[嗎吗]|可以保溫`),
  cue('price_promotion', 0.45, String.raw`多少`),
  cue('policy', 0.85, String.raw`免運|免运|\bfree shipping\b`),
  cue('policy', 1, String.raw`\bhow much (?:is|for|does) (?:the )?(?:shipping|delivery|postage)\b|運費|运费`),
  cue(
    'add_to_cart',
    0.85,
    String.raw`(?:加|給我|给我|我要|買|买|拿|來|来)\s*(?:[一兩两二三四五六七八九十]|\d+)\s*[雙双件個个支盒包罐瓶組组套頂顶條条把]|加進去|加进去|放進去|放进去|我要.{0,8}(?:那|這|这)(?:一)?[個个件雙双款支頂顶把]`,
  ),
  cue('checkout', 0.95, String.raw`下單|下单`),
  cue('exchange_order', 1, String.raw`(?:想|可以|能|要|幫我|帮我)(?:換|换)(?!個|个|一下)`),
  cue('view_cart', 0.9, String.raw`^[\s\p{P}]*(?:my |the )?(?:cart|basket|bag)[\s\p{P}]*$`),
  cue('thanks', 0.85, String.raw`謝啦|谢啦|謝了|谢了`),
  cue(
    'human',
    0.95,
    String.raw`跟人[講讲說说聊]|\bsomeone\b.{0,10}\b(?:talk|speak)|\b(?:talk|speak)\b.{0,10}\b(?:someone|person|people)\b`,
  ),
  cue('remove_from_cart', 0.9, String.raw`\bout of (?:my|the) (?:cart|basket|bag)\b|\btake\b.{1,30}\bout\b`),
];
