// Demo site text. Every word here was written for Khabar's demo; the places are real,
// the people and events are invented.
#include "app/demo_data.h"

#include <string_view>

namespace khabar::app::demo {

const std::vector<DemoCategory>& categories() {
  static const std::vector<DemoCategory> all = {
      {"Afghanistan", "afghanistan", nullptr, "News from Kabul and the provinces."},
      {"World", "world", nullptr, "International news and analysis."},
      {"Asia", "asia", "world", "Our neighbours and the wider region."},
      {"Business", "business", nullptr, "Markets, trade, jobs and the cost of living."},
      {"Health", "health", nullptr, "Clinics, medicine and public health."},
      {"Sport", "sport", nullptr, "Cricket, football, buzkashi and more."},
      {"Culture", "culture", nullptr, "Books, music, film and heritage."},
      {"Opinion", "opinion", nullptr, "Columns and commentary. Views are the writers' own."},
  };
  return all;
}

const std::vector<DemoAuthor>& authors() {
  static const std::vector<DemoAuthor> all = {
      {"msadat", "Mariam Sadat", "mariam-sadat",
       "Mariam Sadat is Khabar's Kabul correspondent. She has covered education, courts and "
       "local government for eleven years."},
      {"anoori", "Ahmad Wali Noori", "ahmad-wali-noori",
       "Ahmad Wali Noori edits the business desk and writes about trade, prices and the "
       "money that crosses the region's borders."},
      {"slindqvist", "Sara Lindqvist", "sara-lindqvist",
       "Sara Lindqvist runs the world desk. Before joining Khabar she reported from Tashkent "
       "and Islamabad."},
      {"hkarimi", "Hamid Karimi", "hamid-karimi",
       "Hamid Karimi edits the Pashto service and writes on culture, sport and life in the "
       "eastern provinces. حامد کریمي د پښتو څانګې مدیر دی."},
  };
  return all;
}

const std::vector<DemoStory>& stories() {
  static const std::vector<DemoStory> all = {
      {"afghanistan", "msadat", nullptr, "Kabul opens three new public libraries before winter",
       "The city has opened three public libraries in Karte Char, Khair Khana and Deh Mazang, each "
       "with a reading room heated through the winter months and a section of children's books in "
       "Dari and Pashto.",
       "Children come straight from school and stay until it gets dark. We need more chairs.",
       "a librarian in Khair Khana", "Khabar", "education,kabul,libraries"},
      {"afghanistan", "msadat", nullptr, "Herat farmers try drip irrigation as wells run lower",
       "Some two hundred farms around Herat have switched from flood irrigation to drip lines this "
       "season, after a second dry year left many wells several metres lower than before.",
       "My father watered by the moon and the river. I water by the meter now.",
       "a farmer in Injil district", "Herat Agricultural Office", "agriculture,water,herat"},
      {"afghanistan", "msadat", "anoori",
       "Mazar-i-Sharif bus terminal reopens after a year of repairs",
       "The main bus terminal in Mazar-i-Sharif has reopened with a new roof, separate waiting "
       "halls and a ticket office that lists fares on a board for every route.",
       "For the first time passengers can see the price before they argue about it.",
       "a ticket clerk", "Balkh Transport Department", "transport,mazar-i-sharif,infrastructure"},
      {"afghanistan", "msadat", nullptr, "Snow closes the Salang pass for a day; traffic resumes",
       "Heavy overnight snow closed the Salang pass to traffic for nineteen hours before ploughs "
       "cleared both lanes and lorries began to move again on Tuesday afternoon.",
       "We slept in the cab. In the morning the road crews brought tea to every driver.",
       "a lorry driver from Pul-i-Khumri", "Khabar", "weather,salang,transport"},
      {"afghanistan", "hkarimi", nullptr, "Jalalabad's orange harvest comes in early and sweet",
       "Orchards around Jalalabad began picking oranges two weeks earlier than usual this year, "
       "and traders at the city's wholesale market say the fruit is smaller but sweeter.",
       "The buyers from Kabul came early too. Everybody wants the first crates.",
       "an orchard owner in Behsud", "Nangarhar Chamber of Agriculture",
       "agriculture,jalalabad,markets"},
      {"afghanistan", "msadat", nullptr, "Kandahar clinic trains forty new midwives",
       "Forty women have completed an eighteen-month midwifery course at a Kandahar teaching "
       "clinic and will return to work in their home districts, where many births still happen "
       "without a trained attendant.",
       "Every one of them goes back to a village that has been waiting for her.",
       "the clinic's head of training", "Khabar", "health,midwives,kandahar"},
      {"afghanistan", "msadat", nullptr, "Bamiyan prepares for a winter of skiing visitors",
       "Guesthouses in Bamiyan are taking bookings for the ski season, which local guides expect "
       "to be the busiest since the slopes above the valley first drew visitors.",
       "We rent skis, we cook, we drive. In winter everybody in the family has a job.",
       "a guesthouse owner", "Bamiyan Tourism Association", "tourism,bamiyan,winter"},
      {"afghanistan", "hkarimi", nullptr,
       "Khost students build a solar charging kiosk for their market",
       "A group of engineering students in Khost has built a solar-powered kiosk where market "
       "traders can charge phones and lamps for a small fee, with the income paying for its "
       "upkeep.",
       "We learned more building this than in any exam.", "one of the students", "Khabar",
       "energy,solar,khost,education"},
      {"afghanistan", "msadat", nullptr, "Kabul river clean-up volunteers fill four hundred sacks",
       "Volunteers working along a two-kilometre stretch of the Kabul river on Friday filled more "
       "than four hundred sacks with plastic and rubble, the third such clean-up this year.",
       "People stop and ask what we are doing. Then some of them pick up a sack.", "an organiser",
       "Khabar", "environment,kabul,volunteers"},
      {"afghanistan", "msadat", "hkarimi", "Provincial courts begin publishing hearing schedules",
       "Courts in six provinces have begun posting weekly hearing schedules on notice boards "
       "outside their buildings, so that families no longer travel for days to learn a case has "
       "been postponed.",
       "A printed list saves people a journey and a bribe.", "a lawyer in Ghazni", "Khabar",
       "courts,justice,provinces"},
      {"world", "slindqvist", nullptr, "Climate talks end with a pledge on mountain glaciers",
       "Delegates at this year's climate talks agreed to fund a monitoring network for mountain "
       "glaciers, whose melt feeds rivers that hundreds of millions of people depend on.",
       "What happens on the peaks decides what flows in the valleys.",
       "a hydrologist attending the talks", "Khabar", "climate,glaciers,water"},
      {"world", "slindqvist", nullptr, "Shipping through the Red Sea recovers slowly",
       "Container traffic through the Red Sea has risen for a fourth month, though insurers still "
       "charge well above the rates of two years ago and some lines continue to sail around "
       "Africa.",
       "The route is open, but the price of fear is still on every invoice.", "a freight broker",
       "Khabar", "shipping,trade"},
      {"world", "slindqvist", nullptr, "Geneva meeting on refugee education sets a ten-year goal",
       "Governments and aid groups meeting in Geneva set a goal of getting every refugee child of "
       "primary age into a classroom within ten years, with costs shared by host and donor "
       "countries.",
       "A child who misses school in exile misses it for life.",
       "a teacher who attended the meeting", "Khabar", "refugees,education"},
      {"world", "slindqvist", "msadat", "Wheat prices fall as harvests beat forecasts",
       "International wheat prices fell for the third week running after harvests in several large "
       "exporting countries came in above forecasts, easing pressure on import-dependent "
       "countries.",
       "Bread is politics. A cheaper sack of flour buys a quieter winter.", "a grain analyst",
       "Khabar", "wheat,food,prices"},
      {"world", "slindqvist", nullptr, "Scientists map a new route for migrating cranes",
       "Researchers tracking Siberian cranes with light satellite tags have mapped a stopover "
       "route that crosses Central Asia, which may explain why some birds now arrive earlier in "
       "the south.",
       "They found wetlands we had stopped counting as wetlands.", "a researcher on the project",
       "Khabar", "wildlife,science,birds"},
      {"world/asia", "slindqvist", nullptr, "Central Asian railway link completes its test run",
       "A freight train has completed a test run on a new rail link between Central Asian "
       "networks, carrying cotton one way and building materials the other.",
       "Rail does not replace the road. It gives the road some rest.", "a railway engineer",
       "Khabar", "rail,trade,central-asia"},
      {"world/asia", "slindqvist", nullptr, "Dhaka's garment workers win a longer lunch break",
       "Garment factories in and around Dhaka have agreed to extend the midday break by fifteen "
       "minutes after months of talks with worker representatives.",
       "Fifteen minutes is small on paper. On the factory floor it is the difference.",
       "a union representative", "Khabar", "labour,bangladesh,garments"},
      {"world/asia", "slindqvist", "anoori", "Tashkent hosts a regional fair for small exporters",
       "More than six hundred small firms from the region showed carpets, dried fruit, ceramics "
       "and software at a three-day fair in Tashkent aimed at helping them find buyers abroad.",
       "My stall was next to a company from Almaty. By the end we were partners.",
       "a ceramics maker from Istalif", "Khabar", "trade,exports,uzbekistan"},
      {"world/asia", "slindqvist", nullptr, "Monsoon season ends with fewer floods than feared",
       "South Asia's monsoon season has ended with rainfall close to the long-term average and "
       "fewer major floods than forecasters had warned of in the spring.",
       "A normal year is good news that nobody reports.", "a meteorologist", "Khabar",
       "weather,monsoon"},
      {"world/asia", "slindqvist", nullptr, "Tajik and Afghan border markets reopen on Saturdays",
       "Cross-border markets on the Panj river have reopened on Saturdays, letting traders from "
       "both banks sell flour, cloth, livestock and medicine without long trips to larger "
       "crossings.",
       "We know each other's faces. We just needed the gate to open.", "a trader from Badakhshan",
       "Khabar", "trade,border,tajikistan,badakhshan"},
      {"world/asia", "slindqvist", nullptr,
       "Kathmandu trials electric buses on its steepest routes",
       "Kathmandu's city transport company is trialling ten electric buses on hilly routes to see "
       "whether batteries can cope with the climbs during the busiest hours.",
       "The hills are the test. If they pass here, they pass anywhere.", "a transport official",
       "Khabar", "transport,electric,nepal"},
      {"business", "anoori", nullptr, "Afghani holds steady against the dollar for a third month",
       "The afghani has traded in a narrow band against the US dollar for three months, money "
       "changers in Kabul's Sarai Shahzada market say, helping importers plan orders further "
       "ahead.",
       "Steady is boring, and boring is what traders want.", "a money changer",
       "Sarai Shahzada traders", "currency,afghani,markets"},
      {"business", "anoori", nullptr, "Saffron growers form a cooperative to sell abroad",
       "Saffron growers in Herat have formed a cooperative that will grade, pack and sell their "
       "crop together, hoping for better prices than individual farmers get from middlemen.",
       "A gram of good saffron deserves a good label.", "the cooperative's chair", "Khabar",
       "saffron,agriculture,exports,herat"},
      {"business", "anoori", "msadat",
       "Kabul's fruit sellers feel the pinch of higher transport costs",
       "Fruit sellers in Kabul say the cost of bringing produce from the provinces has risen by a "
       "fifth this year, mainly because of fuel prices and longer waits at checkpoints.",
       "The apples cost the same in Wardak. It's the road that got expensive.",
       "a fruit seller in Mandawi", "Khabar", "prices,transport,markets"},
      {"business", "anoori", nullptr, "Mobile payments spread to provincial pharmacies",
       "Pharmacies in several provinces now accept payment by phone, after a mobile operator cut "
       "its fees for small merchants and trained shop owners to use the service.",
       "People come with sick children at midnight and no cash. Now they can still pay.",
       "a pharmacist in Kunduz", "Khabar", "mobile-money,technology,health"},
      {"business", "anoori", nullptr, "Carpet weavers' new designs win orders from Europe",
       "A workshop of carpet weavers in Andkhoy has won its first large orders from European shops "
       "after adapting traditional patterns into smaller rugs and softer colours.",
       "We kept the old knots. We changed the sizes.", "the workshop's founder", "Khabar",
       "carpets,exports,crafts"},
      {"business", "anoori", nullptr, "Pine nut exports reach a record by weight",
       "Exports of pine nuts from the eastern provinces reached a record by weight this season, "
       "although lower prices abroad meant income rose less than the tonnage.",
       "We picked more and earned about the same. That is farming.", "a collector in Paktia",
       "Khabar", "pine-nuts,exports,agriculture"},
      {"business", "anoori", nullptr, "Small solar firms struggle with payment delays",
       "Small solar installers say customers increasingly pay in instalments, leaving firms short "
       "of cash to buy panels and batteries for the next job.",
       "Everyone wants power. Not everyone can pay for it at once.", "an installer in Kabul",
       "Khabar", "energy,solar,small-business"},
      {"health", "msadat", nullptr, "Measles vaccination drive reaches remote valleys",
       "Vaccination teams travelling by motorbike and on foot have reached remote valleys in three "
       "provinces as part of a measles drive that aims to cover every child under five.",
       "Some families walked two hours to meet us halfway.", "a vaccinator in Nuristan", "Khabar",
       "vaccination,measles,children"},
      {"health", "msadat", nullptr, "Kabul hospital opens a ward for burns patients",
       "A public hospital in Kabul has opened a dedicated burns ward with twenty beds, as doctors "
       "report a rise in household burns during the winter months when families heat and cook "
       "indoors.",
       "Most of our patients are children and their mothers. Most burns are preventable.",
       "a surgeon at the hospital", "Khabar", "hospitals,burns,winter,kabul"},
      {"health", "hkarimi", nullptr, "Mobile eye clinic treats two thousand patients in a month",
       "A mobile eye clinic touring the eastern provinces has examined more than two thousand "
       "people in a month and carried out three hundred cataract operations.",
       "An old man saw his grandson's face for the first time. That is the job.",
       "the clinic's ophthalmologist", "Khabar", "eyes,clinics,eastern-provinces"},
      {"health", "msadat", nullptr, "Doctors warn of winter air pollution in the capital",
       "Doctors in Kabul are warning families about winter air pollution, as coal and waste burned "
       "for heat add to smog that settles over the basin on still, cold days.",
       "We see the smog in our waiting rooms before we see it on the news.", "a paediatrician",
       "Khabar", "air-pollution,kabul,winter"},
      {"health", "msadat", nullptr, "Helpline for new mothers extends its hours",
       "A telephone helpline that answers questions from new mothers has extended its hours into "
       "the evening after call volumes doubled over the past year.",
       "Mothers call after the house is asleep. Now someone answers.", "a helpline nurse", "Khabar",
       "mothers,helpline,health"},
      {"health", "msadat", nullptr, "Clean water project reaches twelve villages in Ghor",
       "A clean water project has piped spring water to taps in twelve villages in Ghor, sparing "
       "women and girls daily trips of up to an hour to fetch water.",
       "The girls who carried water now carry school bags.", "a village elder", "Khabar",
       "water,villages,ghor"},
      {"sport", "hkarimi", nullptr, "National cricket team names three uncapped players",
       "The national cricket team has named three uncapped players in its squad for the coming "
       "series, including a seventeen-year-old leg-spinner from Nangarhar.",
       "He bowled in the street with a taped ball two years ago.", "the player's first coach",
       "Khabar", "cricket,national-team"},
      {"sport", "hkarimi", nullptr, "Buzkashi season opens in Mazar with record crowds",
       "The buzkashi season opened in Mazar-i-Sharif with thousands of spectators and more than "
       "two hundred riders, as organisers introduced a new rule limiting the number of horses on "
       "the field.",
       "Fewer horses, better game. The old players agree, mostly.", "a tournament organiser",
       "Khabar", "buzkashi,mazar-i-sharif"},
      {"sport", "hkarimi", nullptr, "Women's futsal league plays its first indoor season",
       "A women's futsal league has completed its first indoor season with eight teams, playing in "
       "a school gymnasium in Kabul before families and classmates.",
       "We played in coats last year. This year we had a roof.", "the league's top scorer",
       "Khabar", "futsal,football,women"},
      {"sport", "hkarimi", nullptr, "Kabul marathon draws runners from twelve provinces",
       "Runners from twelve provinces took part in this year's Kabul marathon, which added a "
       "ten-kilometre race so that first-time runners could join.",
       "The last kilometre was the hardest and the loudest.", "a runner from Herat", "Khabar",
       "running,marathon,kabul"},
      {"sport", "hkarimi", nullptr, "Young wrestlers win four medals at regional championships",
       "Young wrestlers brought home four medals, one of them gold, from regional championships, "
       "the best result for the country's junior team in a decade.",
       "They trained on old mats in a cold hall. The medals are theirs alone.", "the team coach",
       "Khabar", "wrestling,juniors,medals"},
      {"sport", "hkarimi", nullptr, "Cricket academy in Khost opens its doors to girls' teams",
       "A cricket academy in Khost has opened its nets to girls' school teams two afternoons a "
       "week, with coaching from former provincial players.",
       "The girls asked for pads in their size. We ordered them the same day.", "an academy coach",
       "Khabar", "cricket,khost,schools"},
      {"culture", "hkarimi", nullptr, "Poetry evening fills Kabul's old cinema",
       "A poetry evening in one of Kabul's old cinemas drew a full house, with young poets reading "
       "in Dari and Pashto alongside verses by Rahman Baba and Khushal Khan Khattak.",
       "The old poets are still the best-selling ones.", "a bookseller outside the cinema",
       "Khabar", "poetry,kabul,literature"},
      {"culture", "hkarimi", nullptr, "Restorers finish repairs to a Herat tilework panel",
       "Restorers have finished repairing a panel of glazed tiles on a fifteenth-century monument "
       "in Herat, matching missing pieces with tiles made in a workshop using traditional glazes.",
       "We copied the blue for a year before we got it right.", "a tile maker",
       "Herat Heritage Office", "heritage,herat,restoration"},
      {"culture", "hkarimi", nullptr, "Musicians record a rubab album in a Kabul basement",
       "Three musicians have recorded an album of rubab and tabla pieces in a Kabul basement "
       "studio, with some tracks built on melodies their teachers learned from their own teachers.",
       "Every tune has a family tree.", "the album's rubab player", "Khabar", "music,rubab,kabul"},
      {"culture", "hkarimi", nullptr, "Children's book fair brings new titles in Pashto and Dari",
       "A children's book fair in Kabul showed more than three hundred titles in Pashto and Dari, "
       "most of them printed by small publishers that started in the last five years.",
       "Children want stories about children who look like them.", "a publisher", "Khabar",
       "books,children,literature"},
      {"culture", "hkarimi", nullptr, "Embroidery exhibition shows a century of Kandahari work",
       "An exhibition of Kandahari khamak embroidery brings together pieces from a century of "
       "work, lent by families who have kept them through many moves.",
       "My grandmother's scarf has travelled more than I have.", "a lender to the exhibition",
       "Khabar", "embroidery,kandahar,crafts"},
      {"culture", "msadat", nullptr, "Film students shoot a documentary on the Kabul river",
       "Film students have finished a documentary that follows the Kabul river from its source to "
       "the city, filmed over a year with borrowed cameras.",
       "The river is the oldest person in Kabul. We interviewed it.", "the film's director",
       "Khabar", "film,documentary,kabul"},
      {"opinion", "anoori", nullptr, "Opinion: Small traders need credit, not slogans",
       "Every season I meet traders who could double their business with a small loan that no bank "
       "will give them. The question is not whether they are good risks, but who is willing to "
       "learn how to judge them.",
       "Credit is trust with a calendar.", "a banker I once interviewed", "Khabar",
       "credit,small-business,opinion"},
      {"opinion", "msadat", nullptr, "Opinion: What a public library teaches a city",
       "A library is a building that trusts strangers. It lends them books and expects them back. "
       "That trust, more than the books, is what a city learns there.",
       "Nobody asked my name. They asked what I wanted to read.", "a reader in Karte Char",
       "Khabar", "libraries,education,opinion"},
      {"opinion", "slindqvist", nullptr, "Opinion: Foreign news should start with local voices",
       "Too much reporting about this region still begins with what distant capitals think. It "
       "should begin with the people who live with the consequences.",
       "They write about us as if we were weather.", "a teacher in Badakhshan", "Khabar",
       "journalism,media,opinion"},
      {"opinion", "hkarimi", nullptr, "Opinion: Pashto deserves better on the internet",
       "Pashto speakers number in the tens of millions, yet much of the web still breaks our "
       "script, reverses our sentences or drops our letters. Publishers can fix this, and should.",
       "Right to left is not a bug.", "a programmer in Jalalabad", "Khabar",
       "pashto,internet,language,opinion"},
      {"opinion", "anoori", nullptr, "Opinion: The cost of a cold winter is paid in spring",
       "Families that spend their savings on fuel in January arrive at planting season without "
       "money for seed. A winter fuel policy is an agricultural policy.",
       "We burned the seed money.", "a farmer in Parwan", "Khabar",
       "winter,energy,agriculture,opinion"},
      {"afghanistan", "msadat", nullptr,
       "Kabul traffic police trial timed signals at five junctions",
       "Kabul's traffic police have installed timed signals at five busy junctions, replacing "
       "officers' hand signals for a three-month trial.",
       "Drivers obey a light they can see from far away.", "a traffic officer",
       "Kabul Traffic Police", "traffic,kabul,transport"},
      {"afghanistan", "hkarimi", nullptr, "Kunar beekeepers report their best honey year",
       "Beekeepers in Kunar say this year's honey harvest was their best in memory, helped by a "
       "wet spring that filled the valley's acacia and wildflowers.",
       "The bees worked harder than we did.", "a beekeeper in Asadabad", "Khabar",
       "honey,kunar,agriculture"},
      {"world", "slindqvist", nullptr, "Global remittances rise, easing pressure on families",
       "Money sent home by workers abroad rose again this year, according to new estimates, with "
       "transfers to South and Central Asia among the fastest-growing.",
       "The phone rings, the money arrives, the rent is paid.", "a money transfer agent", "Khabar",
       "remittances,migration,economy"},
      {"world/asia", "slindqvist", nullptr,
       "Almaty apple festival celebrates the fruit's wild ancestors",
       "Almaty's apple festival this year celebrated the wild apple forests of the Tian Shan, "
       "where scientists say the ancestors of the world's eating apples still grow.",
       "Every apple you ever ate has a grandmother on these hills.", "a botanist", "Khabar",
       "apples,kazakhstan,heritage"},
      {"business", "anoori", "slindqvist", "Dried fruit traders look to new markets in the Gulf",
       "Dried fruit traders are sending more raisins, apricots and mulberries to Gulf markets by "
       "air, after buyers there asked for smaller, better-labelled packs.",
       "They want the same fruit in a prettier box.", "an exporter in Kabul", "Khabar",
       "dried-fruit,exports,gulf"},
      {"health", "msadat", nullptr, "Nurses' training college graduates its largest class",
       "A nurses' training college in Kabul graduated its largest class this year, with more than "
       "a third of graduates heading to provincial hospitals.",
       "The provinces need us more than the capital does.", "a graduate from Bamiyan", "Khabar",
       "nurses,education,hospitals"},
      {"sport", "hkarimi", nullptr, "Volleyball clubs revive a Jalalabad summer tradition",
       "Evening volleyball tournaments have returned to Jalalabad's parks, with neighbourhood "
       "clubs playing under lights strung between the trees.",
       "The whole street comes to watch. Even the grandfathers shout.", "a club captain", "Khabar",
       "volleyball,jalalabad"},
  };
  return all;
}

const std::vector<DemoPashtoStory>& pashto_stories() {
  static const std::vector<DemoPashtoStory> all = {
      {"afghanistan", "kabul-winter-bread-ps", "په کابل کې د ژمي ډوډۍ بیه ثابته پاتې شوه",
       "د کابل نانوایانو ویلي چې سره له دې چې ژمی رارسېدلی، د ډوډۍ بیه یې نه ده لوړه کړې.\n\n"
       "## نانوایان څه وايي\n\n"
       "یوه نانوای وویل چې د اوړو بیه تېره میاشت یو څه ټیټه شوې، نو دوی کولای شي پخوانۍ بیه "
       "وساتي.\n\n"
       "> خلک هره ورځ ډوډۍ ته اړتیا لري، موږ نه غواړو چې د هغوی بار درانه کړو.\n\n"
       "د ښاروالۍ چارواکو هم ویلي چې د بازار څارنه به دوام ومومي.",
       "خبر", "ډوډۍ,کابل,بیې"},
      {"culture", "rahman-baba-poetry-night-ps", "د رحمان بابا د شعرونو شپه په پېښور کې",
       "د رحمان بابا د شعرونو یوه شپه په پېښور کې جوړه شوه چې سلګونو مینه والو پکې ګډون وکړ.\n\n"
       "ځوانو شاعرانو خپل نوي شعرونه هم ولوستل او د پښتو ادب د راتلونکي په اړه یې خبرې وکړې.\n\n"
       "> رحمان بابا زموږ د ژبې زړه دی.\n\n"
       "## د ځوانانو ونډه\n\n"
       "غونډې جوړونکو وویل چې هر کال به دا ډول شپې تکرارېږي.",
       "خبر", "شعر,ادب,رحمان-بابا"},
      {"sport", "cricket-young-bowler-ps", "د ننګرهار ځوان بالر ملي ټیم ته وبلل شو",
       "د ننګرهار یو اوولس کلن ځوان بالر د کرکټ ملي ټیم ته وبلل شو.\n\n"
       "د هغه لومړني روزونکي وویل چې دوه کاله وړاندې یې په کوڅه کې د ټیپ شوي توپ سره لوبې کولې.\n\n"
       "> هغه هره ورځ تر ماښامه تمرین کاوه.\n\n"
       "د کرکټ بورډ ویلي چې نوي لوبغاړي به په راتلونکې لړۍ کې فرصت ترلاسه کړي.",
       "خبر", "کرکټ,ننګرهار,ملي-ټیم"},
      {"health", "eye-clinic-east-ps", "ګرځنده کلینیک د سترګو دوه زره ناروغان معاینه کړل",
       "د سترګو یو ګرځنده کلینیک په ختیځو ولایتونو کې په یوه میاشت کې له دوو زرو ډېر کسان معاینه "
       "کړل.\n\n"
       "ډاکټرانو درې سوه د سترګو عملیات هم ترسره کړل.\n\n"
       "> یو سپین ږیري د لومړي ځل لپاره د خپل لمسي مخ ولید.\n\n"
       "د کلینیک مشرانو وویل چې راتلونکې میاشت به کونړ ته ځي.",
       "خبر", "روغتیا,سترګې,ختیځ"},
      {"business", "pine-nut-exports-ps", "د جلغوزو صادرات ریکارډ ته ورسېدل",
       "له ختیځو ولایتونو څخه د جلغوزو صادرات سږکال د وزن له مخې ریکارډ ته ورسېدل.\n\n"
       "خو سوداګرو ویلي چې په بهرنیو بازارونو کې د ټیټو بیو له امله عاید دومره نه دی زیات شوی.\n\n"
       "> موږ ډېر راټول کړل، خو ګټه مو هماغومره وه.\n\n"
       "## د بزګرانو هیلې\n\n"
       "بزګران هیله لري چې راتلونکی کال به بیې ښې وي.",
       "د پکتیا سوداګریزه خونه", "جلغوزي,صادرات,کرنه"},
      {"afghanistan", "khost-solar-kiosk-ps", "د خوست زده کوونکو لمریز چارج ځای جوړ کړ",
       "په خوست کې د انجنیرۍ یوې ډلې زده کوونکو د بازار لپاره یو لمریز چارج ځای جوړ کړ.\n\n"
       "دوکانداران کولای شي په لږو پیسو خپل ټلیفونونه او څراغونه چارج کړي.\n\n"
       "> موږ له هر ازموینې ډېر څه د دې کار په جوړولو کې زده کړل.\n\n"
       "له دې ځایه راټولې شوې پیسې به د هغه د ساتنې لپاره کارول کېږي.",
       "خبر", "انرژي,خوست,زده-کړه"},
  };
  return all;
}

const char* background(const char* category_path, int variant) {
  struct Entry {
    const char* path;
    const char* text[3];
  };
  static const Entry entries[] = {
      {"afghanistan",
       {"Officials said the work had been planned for more than a year and was paid for from the "
        "provincial budget with help from local businesses. Residents we spoke to welcomed it but "
        "asked how it would be maintained once the first season is over.",
        "Similar projects elsewhere in the country have struggled when funding ended. Community "
        "councils say they want a say in how the money is spent and who is hired to do the work.",
        "Khabar will follow up in the spring to see how the change has worked for the people it "
        "was meant to help."}},
      {"world",
       {"Analysts cautioned that the agreement leaves many details to later meetings and that past "
        "pledges of this kind have often been slow to turn into money on the ground.",
        "For countries in our region the effects are direct: food, fuel and the price of almost "
        "everything that arrives by sea or by road.",
        "Our world desk will report on what follows, and on what it means for readers here."}},
      {"world/asia",
       {"Neighbouring governments have watched the project closely, and several have said they are "
        "studying similar plans of their own.",
        "Trade across the region's borders has grown unevenly, held back by paperwork as much as "
        "by mountains. Each new link removes a little of both.",
        "Traders on both sides said they hoped the arrangement would last longer than previous "
        "ones."}},
      {"business",
       {"Traders said demand had held up better than expected, though many customers are buying in "
        "smaller amounts and paying later than they used to.",
        "Economists note that small firms employ most of the country's workers but find it hardest "
        "to borrow, insure their goods or reach buyers abroad.",
        "Prices in the weeks ahead will depend on fuel, the exchange rate and the weather on the "
        "main roads."}},
      {"health",
       {"Health workers said the biggest obstacles were distance and cost: for many families a "
        "clinic visit means a day's travel and a day's lost wages.",
        "The programme is funded for two years. Its organisers say they are collecting data to "
        "show whether it should be extended to more districts.",
        "Readers with questions about the service can ask at their nearest district health "
        "centre."}},
      {"sport",
       {"The sport has grown quickly in recent years, helped by television coverage and by players "
        "who started in neighbourhood teams and went on to play abroad.",
        "Coaches say the main shortage is not talent but facilities: pitches, halls and equipment "
        "that young players can use all year round.",
        "The next round of fixtures is due to be announced later this month."}},
      {"culture",
       {"Organisers said they were surprised by the number of young people who came, many of them "
        "for the first time.",
        "Cultural workers say the hardest part is keeping skills alive between generations, when "
        "younger people can earn more doing other work.",
        "The work will be shown again in other cities next year if funding allows."}},
      {"opinion",
       {"None of this is new. What is new is how many people now have the tools to change it, and "
        "how little it would cost to try.",
        "Critics will say there are more urgent problems. There always are. That is exactly why "
        "small, practical fixes get left for later, and later never comes.",
        "The views in this column are the writer's own. Khabar welcomes replies from readers."}},
  };
  std::string_view path(category_path);
  std::string_view top = path.substr(0, path.find('/'));
  for (const auto& e : entries)
    if (path == e.path) return e.text[variant % 3];
  for (const auto& e : entries)
    if (top == e.path) return e.text[variant % 3];
  return entries[0].text[variant % 3];
}

const char* const kAboutPage =
    "Khabar is an independent news service reporting from Afghanistan and the wider region in "
    "English and Pashto.\n\n"
    "## Our standards\n\n"
    "We name our sources whenever we can, we correct our mistakes in public, and we never "
    "publish the email address of anyone who writes to us or comments on our site.\n\n"
    "## Contact\n\n"
    "Write to the newsroom at the address on our contact page. Corrections are published at "
    "the foot of the article they concern.\n\n"
    "*This is demo content written for Khabar. The people and events in it are invented.*";

}  // namespace khabar::app::demo
