/**
 * Labelled questions for the task-type classifier's tests, written for this project in the style
 * of the synthesizer's output, several per type, tricky ones included.
 *
 * - `EXAMPLES`: the development table the rules were written against.
 *
 * The held-out and blind tables are in `task-type-held-out.test-helpers.ts`.
 */
import type { TaskType } from "./task-type";

export type Example = [question: string, answer: string, expected: TaskType];

export const opts = (...options: string[]) => `\nOptions:\n- ${options.join("\n- ")}`;
export const COT = "\nLet's think step by step.";

export const EXAMPLES: readonly Example[] = [
  // free-form QA
  [
    "What is the primary function of the mitochondria described in the passage?",
    "To make ATP.",
    "freeFormQa",
  ],
  ["Why did the council decide to postpone the vote?", "The report arrived late.", "freeFormQa"],
  [
    "How does the new filtration method remove microplastics from wastewater?",
    "With a fine mesh.",
    "freeFormQa",
  ],
  [
    "Explain the role of the central bank in controlling inflation.",
    "It sets interest rates.",
    "freeFormQa",
  ],
  [
    "Describe the symptoms of the disease mentioned in the article.",
    "Fever and a rash.",
    "freeFormQa",
  ],
  [
    "What challenges did the researchers face during the expedition?",
    "Storms and supply shortages.",
    "freeFormQa",
  ],
  ["What can be inferred about the author's view of remote work?", "She favours it.", "freeFormQa"],
  [
    "In what way did the merger affect the company's stock price?",
    "It rose sharply.",
    "freeFormQa",
  ],
  ["What is most likely true about the narrator?", "He grew up by the sea.", "freeFormQa"],
  ["Is it better to plant tomatoes in spring or autumn?", "In spring.", "freeFormQa"],
  // multiple choice
  [
    `Which organelle is responsible for photosynthesis?${opts("mitochondria", "chloroplast", "nucleus")}`,
    "chloroplast",
    "multipleChoice",
  ],
  [
    `According to the article, when was the treaty signed?${opts("1648", "1715", "1815")}`,
    "1648",
    "multipleChoice",
  ],
  [
    `What is the main cause of the decline in bee populations mentioned in the text?${opts("pesticide use", "cold winters")}`,
    "pesticide use",
    "multipleChoice",
  ],
  [
    "Pick the correct answer. Who founded the company?\nA) Jane Doe\nB) John Smith\nC) Alan Reed",
    "B",
    "multipleChoice",
  ],
  [
    "Choose from the following: Which layer of the atmosphere contains the ozone layer? (A) troposphere (B) stratosphere (C) mesosphere",
    "(B)",
    "multipleChoice",
  ],
  [
    `Which of the following best describes the company's revenue trend?${opts("increasing", "declining", "flat")}`,
    "increasing",
    "multipleChoice",
  ],
  [
    `What is a suitable title for the passage?${opts("Rivers of Ice", "Desert Winds")}`,
    "Rivers of Ice",
    "multipleChoice",
  ],
  // chain of thought
  [
    `Would a person living in Norway likely need a heavy coat in January?${COT}`,
    "Norway is cold in winter.\nTherefore, the answer is yes",
    "chainOfThought",
  ],
  [
    `Tom has 3 boxes with 12 pencils each. How many pencils does he have?${COT}`,
    "3 x 12 = 36.\nTherefore, the answer is 36",
    "chainOfThought",
  ],
  [
    `Is the following sentence plausible? "The goalkeeper scored a touchdown."${COT}`,
    "Touchdowns are in American football.\nTherefore, the answer is no",
    "chainOfThought",
  ],
  [
    `Which gas do plants absorb?${opts("oxygen", "carbon dioxide")}${COT}`,
    "Plants take in CO2.\nTherefore, the answer is carbon dioxide",
    "chainOfThought",
  ],
  [
    "Q: Why did the bridge collapse according to the report? Let's think step by step.",
    "The cables rusted. So the answer is corrosion.",
    "chainOfThought",
  ],
  [
    `Premise: A man plays a guitar on stage. Hypothesis: A musician is performing. Does the premise entail the hypothesis?${COT}`,
    "Playing on stage is performing.\nTherefore, the answer is yes",
    "chainOfThought",
  ],
  // yes/no
  ["Is the Amazon rainforest located mainly in Brazil?", "Yes", "yesNo"],
  [
    "Did the study find a link between sleep and memory?",
    "Yes, people who slept more remembered more.",
    "yesNo",
  ],
  ["Does the article say the factory will close?", "No", "yesNo"],
  ["Can the vaccine be stored at room temperature?", "No, it must be kept frozen.", "yesNo"],
  ["Was the treaty ratified by all member states?", "No.", "yesNo"],
  ["Has the company paid dividends since 2010?", "Yes.", "yesNo"],
  ["Are penguins able to fly?", "No.", "yesNo"],
  // extraction
  [
    "Who was the first person to reach the summit, according to the text?",
    "Tenzing Norgay",
    "extraction",
  ],
  ["When did the company go public?", "In 1999.", "extraction"],
  ["Where was the conference held?", "In Lisbon.", "extraction"],
  ["List the three ingredients mentioned in the recipe.", "Flour, sugar and butter.", "extraction"],
  ["Extract the names of all the cities mentioned in the passage.", "Oslo, Bergen", "extraction"],
  ["What year was the bridge completed?", "1932", "extraction"],
  ["How many employees does the company have?", "About 4,500.", "extraction"],
  ["Name the river that flows through the capital.", "The Thames.", "extraction"],
  ["What are the keywords in this text?", "glacier, melt, sea level", "extraction"],
  ["Could you list the side effects mentioned?", "Nausea and headache.", "extraction"],
  ["According to the article, when was the treaty signed?", "In 1648.", "extraction"],
  // summarization or title
  ["Write a title for this article.", "New Dam Brings Power to Rural Valleys", "summarization"],
  ["Summarize the passage in one sentence.", "A new dam powers rural valleys.", "summarization"],
  ["What is the main idea of this text?", "Dams bring power.", "summarization"],
  ["What is this text about?", "The history of the printing press.", "summarization"],
  ["Give a brief summary of the article above.", "Prices rose.", "summarization"],
  ["Generate a headline for the news story.", "Storm Hits Coast", "summarization"],
  ["Can you summarize the main findings?", "Sleep helps memory.", "summarization"],
  // natural-language inference
  [
    `Premise: A man is playing a guitar on stage.\nHypothesis: A musician is performing.\nDoes the premise entail the hypothesis?${opts("yes", "it is not possible to tell", "no")}`,
    "yes",
    "nli",
  ],
  [
    'Given the sentence "The museum reopened in May after renovations", can we conclude that "The museum was closed for a while"?',
    "yes",
    "nli",
  ],
  [
    `Read the text and determine if the sentence is true: The drug was approved in 2015.${opts("Yes", "No", "It's impossible to say")}`,
    "Yes",
    "nli",
  ],
  [
    'Based on the paragraph above can we conclude that "the bakery is family owned"?',
    "It's impossible to say",
    "nli",
  ],
  [
    "Is the following statement true or false based on the passage? The river freezes every winter.",
    "False",
    "nli",
  ],
  ['Does the sentence "All birds migrate" follow from the text?', "No", "nli"],
  [
    'If "A dog runs through the snow", does it logically follow that "It is winter"?',
    "it is not possible to tell",
    "nli",
  ],
  ["Is the statement 'water boils at 100 degrees' true according to the text?", "Yes", "nli"],
  // sentiment
  [
    'What is the sentiment of the following review? "The battery died after two days."',
    "negative",
    "sentiment",
  ],
  [`Is this review positive or negative?${opts("negative", "positive")}`, "positive", "sentiment"],
  [
    "How would you describe the tone of the author toward the new policy?",
    "Sceptical.",
    "sentiment",
  ],
  ["Did the customer like the restaurant, based on this review?", "No", "sentiment"],
  ["Rate the sentiment of this tweet on a scale from 1 to 5.", "2", "sentiment"],
  ["What emotion does the speaker express in the final paragraph?", "Regret.", "sentiment"],
  ["How does the author feel about the proposal?", "She opposes it.", "sentiment"],
  // paraphrase
  [
    "Rewrite the following sentence in your own words: The meeting was postponed due to bad weather.",
    "Bad weather delayed the meeting.",
    "paraphrase",
  ],
  [
    "Do these two sentences mean the same thing?\n1. The cat sat on the mat.\n2. The mat had a cat sitting on it.",
    "Yes",
    "paraphrase",
  ],
  ["Paraphrase the last sentence of the passage.", "Costs went up.", "paraphrase"],
  [
    'Are the following questions asking the same thing? "How do I learn Python?" and "What is the best way to learn Python?"',
    "Yes",
    "paraphrase",
  ],
  ['What is another way to say "the project fell through"?', "The project failed.", "paraphrase"],
  ["Rephrase this question so that it is more polite.", "Could you help me?", "paraphrase"],
  // commonsense
  [
    "What would most likely happen if you left ice cream in the sun?",
    "It would melt.",
    "commonsense",
  ],
  ["Where would you typically find a stapler?", "On a desk.", "commonsense"],
  ["Why would someone bring an umbrella to work?", "Rain is forecast.", "commonsense"],
  ["What do people usually do when they feel cold?", "Put on a sweater.", "commonsense"],
  ["Which is more likely to float in water, a rock or a cork?", "A cork.", "commonsense"],
  ["What might happen next after the chef burns the sauce?", "He starts again.", "commonsense"],
  // math or numeric
  ["What is 15% of 240?", "36", "math"],
  ["Solve for x: 3x + 7 = 22.", "x = 5", "math"],
  ["If a train travels 60 miles per hour for 2.5 hours, how far does it go?", "150 miles", "math"],
  ["Calculate the average of the temperatures listed in the table.", "21 degrees", "math"],
  ["Solve -14*t + 52 = -4*t - 28 for t.", "8", "math"],
  ["What is the sum of the first ten positive integers?", "55", "math"],
  [
    "By how much did revenue grow if it went from $2.1 million to $3.4 million?",
    "$1.3 million",
    "math",
  ],
  [
    "How many more votes did the winner get than the runner-up, if they got 5,230 and 4,870 votes?",
    "360",
    "math",
  ],
  // code
  ["Write a Python function that returns the factorial of a number.", "def f(n): ...", "code"],
  ["What does the following code print?\n```python\nprint(sum([1, 2, 3]))\n```", "6", "code"],
  [
    "Fix the bug in this JavaScript snippet: const x = [1,2,3].map(x => x * 2",
    "Add the closing parenthesis.",
    "code",
  ],
  [
    "Write an SQL query that selects all customers from Canada.",
    "SELECT * FROM customers WHERE country = 'Canada';",
    "code",
  ],
  ["What is the time complexity of binary search?", "O(log n)", "code"],
  [
    "Convert this for loop into a list comprehension: for i in range(10): squares.append(i*i)",
    "squares = [i*i for i in range(10)]",
    "code",
  ],
  // other
  [
    "Translate the following sentence into French: The library opens at nine.",
    "La bibliothèque ouvre à neuf heures.",
    "other",
  ],
  ["Write a short poem about the ocean.", "Waves...", "other"],
  [
    'Generate a sentence that uses the words "harbor", "storm" and "lantern".',
    "A lantern lit the harbor in the storm.",
    "other",
  ],
  ["Complete the sentence: The capital of Australia is ___.", "Canberra", "other"],
  [
    "Correct the grammar in this sentence: She don't like apples.",
    "She doesn't like apples.",
    "other",
  ],
  ["", "Paris", "other"],
  ["Write a tweet announcing the product launch.", "It's here!", "other"],
  ["Continue the story from where the passage ends.", "The door creaked open.", "other"],
];
