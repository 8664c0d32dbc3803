import type { TinyArticle } from "./tiny-kb.js";

// Two fictional articles on overlapping topics (a messaging app blocked; sanctions on a ride-hailing firm), imported
// the naive way: sentences as facts, no questions, no tags — and a third on something else.
export const zembla: TinyArticle = {
  id: "zembla-quorra",
  title: "Zembla blocks the Quorra messenger before the vote",
  facts: [
    "Zembla's telecoms regulator ordered internet providers to block Quorra on Monday.",
    "The block took effect at midnight on 3 May and covers mobile data and home broadband.",
    "Quorra has about 6 million users in Zembla, half the country's population.",
    "The regulator said Quorra had ignored requests to remove channels spreading false voting information.",
    "Downloads of VPN apps in Zembla rose ninefold within a day.",
    "Opposition leaders in Zembla said the block silenced their campaign.",
    "A Zembla court will hear an appeal against the block on 12 May.",
    "Shops in Zembla that sold through Quorra lost most of their orders.",
    "Zembla restricted access to 37 websites last year.",
    "Police in Zembla said Quorra had been a favourite tool of scammers.",
    "Mobile speeds in Zembla fell by half after the block.",
    "The election in Zembla is scheduled for 30 May.",
    "Quorra said it would never hand user data to any government.",
    "The rights group Kalvestad Digital Watch said the block was the fifth such restriction since 2019.",
  ],
};
export const velmar: TinyArticle = {
  id: "velmar-sanctions",
  title: "Sanctions leave Velmar drivers unpaid",
  facts: [
    "The Coastal Union imposed sanctions on Velmar's state-fund owner on 9 June.",
    "Velmar was founded in 2015 by two former bank engineers.",
    "Velmar has 38,000 drivers who are paid every Friday.",
    "Velmar lost access to international card payments after the sanctions.",
    "Velmar's app was removed from app stores in three neighbouring countries.",
    "Trips booked on Velmar fell by 41% in the week after the listing.",
    "The ministry said it would lend Velmar up to 300 million crowns.",
    "Velmar's chief executive said the company had applied for a special licence.",
    "Drivers for Velmar said they had not been paid for two weeks.",
    "Analysts said Velmar was a good business with a bad shareholder.",
    "Quorra claims 9 million users across the region, Velmar's own drivers among them.",
    "Velmar was valued at 640 million dollars last year.",
    "In March the company launched a wallet app for riders.",
    "It was downloaded 200,000 times in its first week.",
  ],
};
export const bakery: TinyArticle = {
  id: "bread-prices",
  title: "Bread prices rise in Harrowgate",
  facts: ["A loaf of bread in Harrowgate now costs 3 crowns.", "Bakers in Harrowgate blame the price of flour."],
};
