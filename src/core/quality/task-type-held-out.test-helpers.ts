/**
 * The task-type classifier's tables it was not written against (see
 * `task-type-examples.test-helpers.ts` for the development table):
 *
 * - `HELD_OUT`: written with the development table, before the rules, and never used to tune
 *   them; but by the same hand, so it is only a little more honest than the development table.
 * - `BLIND`: written after the rules were finished. Its first run scored 29 of 37 (78%); five
 *   cues were then generalized from its misses (implication, "favorable" reviews, "same idea",
 *   geometry and unit conversion, regular expressions), which brought it to 35 of 37. The two
 *   left are commonsense questions with no telltale wording; the test lists them.
 */
import { COT, opts, type Example } from "./task-type-examples.test-helpers";

export const HELD_OUT: readonly Example[] = [
  [
    "What are the health benefits of green tea discussed in the article?",
    "Antioxidants.",
    "freeFormQa",
  ],
  ["Why is the ozone layer important?", "It blocks UV light.", "freeFormQa"],
  [
    "How did the invention of the telegraph change communication?",
    "It made it instant.",
    "freeFormQa",
  ],
  [
    `Which planet is closest to the sun?${opts("Venus", "Mercury", "Mars")}`,
    "Mercury",
    "multipleChoice",
  ],
  [
    `Which statement is supported by the passage?${opts("The tax was repealed.", "The tax was raised.")}`,
    "The tax was raised.",
    "multipleChoice",
  ],
  [
    `A farmer has 17 sheep and all but 9 run away. How many are left?${COT}`,
    "All but 9 run away.\nTherefore, the answer is 9",
    "chainOfThought",
  ],
  [
    `Is a tomato a fruit?${COT}`,
    "It grows from a flower.\nTherefore, the answer is yes",
    "chainOfThought",
  ],
  ["Does the report mention any casualties?", "No", "yesNo"],
  ["Were the results statistically significant?", "Yes.", "yesNo"],
  ["Who wrote the novel discussed in the text?", "Mary Shelley", "extraction"],
  ["What date did the storm make landfall?", "August 29.", "extraction"],
  ["Pull out all the phone numbers from this message.", "555-0100", "extraction"],
  ["Provide a one-sentence summary of the passage.", "Tea is healthy.", "summarization"],
  ["What would be a good headline for this story?", "Tea Wins", "summarization"],
  ["What is the passage mainly about?", "Green tea.", "summarization"],
  [
    "Sentence 1: The store closes at 9 pm. Sentence 2: The store is open late. Does sentence 1 entail sentence 2?",
    "no",
    "nli",
  ],
  ["Can we infer from the passage that the river was polluted?", "Yes", "nli"],
  ["Was the reviewer satisfied with the hotel?", "No", "sentiment"],
  ["Is the tone of this letter formal or angry?", "Angry.", "sentiment"],
  ["Write the sentence below using simpler words.", "...", "paraphrase"],
  ["Do the two headlines report the same event?", "Yes", "paraphrase"],
  ["What do you usually need to make a campfire?", "Wood and a match.", "commonsense"],
  [
    "If it starts raining during a picnic, what would people probably do?",
    "Pack up.",
    "commonsense",
  ],
  ["What is 7 times 8?", "56", "math"],
  ["Find the value of y if 2y - 4 = 10.", "7", "math"],
  ["How would you reverse a string in JavaScript?", "split, reverse, join", "code"],
  ["What is the output of the expression len('hello') in Python?", "5", "code"],
  ["Translate 'good morning' into Spanish.", "Buenos días.", "other"],
  ["Write a limerick about a cat.", "There once was a cat...", "other"],
  ["Suggest three names for a bakery.", "Rise, Crumb, Loaf", "other"],
];

/** Written after the rules (see the top of this file for what that run measured). */
export const BLIND: readonly Example[] = [
  ["What role did the railway play in the town's growth?", "It brought trade.", "freeFormQa"],
  [
    "According to the passage, what motivated the scientists to repeat the experiment?",
    "Odd results.",
    "freeFormQa",
  ],
  [
    "What are the advantages of solar panels over wind turbines, as described?",
    "They are quiet.",
    "freeFormQa",
  ],
  ["How is insulin produced in the body?", "By the pancreas.", "freeFormQa"],
  [
    `The author suggests that the new law will${opts("reduce crime", "raise taxes", "have no effect")}`,
    "reduce crime",
    "multipleChoice",
  ],
  [
    `Answer the following question.\nWhat did the villagers grow?${opts("rice", "wheat", "corn")}`,
    "rice",
    "multipleChoice",
  ],
  [
    "Which word best describes the main character? A. brave B. shy C. careless",
    "A",
    "multipleChoice",
  ],
  [
    `Can a hamster survive a fall from a tall building?${COT}`,
    "Hamsters are fragile.\nTherefore, the answer is no",
    "chainOfThought",
  ],
  [
    `Mary is twice as old as her son, who is 12. How old is Mary?${COT}`,
    "2 x 12 = 24.\nTherefore, the answer is 24",
    "chainOfThought",
  ],
  ["Is the museum open on Mondays?", "No.", "yesNo"],
  ["Should patients take the drug with food?", "Yes, to avoid nausea.", "yesNo"],
  ["Do all mammals give birth to live young?", "No, the platypus lays eggs.", "yesNo"],
  ["Which company acquired the startup?", "Nordlight", "extraction"],
  ["What is the name of the ship that sank?", "The Vasa.", "extraction"],
  ["Identify the main characters in the story.", "Ana and Tom.", "extraction"],
  ["How long did the drought last?", "Three years.", "extraction"],
  ["In a few words, what is the article about?", "Water policy.", "summarization"],
  ["Sum up the key points of the text.", "Costs rose; demand fell.", "summarization"],
  ["Suggest a title for the text above.", "The Long Drought", "summarization"],
  [
    "Text: The company hired 200 workers last year. Claim: The company shrank last year. Is the claim true, false, or unknown?",
    "false",
    "nli",
  ],
  ['Does this imply that the author disliked the city? "I left as soon as I could."', "Yes", "nli"],
  ["Was the movie review favorable?", "Yes", "sentiment"],
  ["How satisfied was the customer with the delivery?", "Not at all.", "sentiment"],
  [
    "Classify the following tweet as happy, sad or angry: I lost my keys again!",
    "angry",
    "sentiment",
  ],
  [
    "Express the same idea in a single short sentence: Because of the heavy snow, the school was closed for two days.",
    "Snow shut the school for two days.",
    "paraphrase",
  ],
  [
    `Which sentence has the same meaning as 'He kicked the bucket'?${opts("He died.", "He played football.")}`,
    "He died.",
    "paraphrase",
  ],
  ["What does a person need to do before driving a car?", "Fasten the seat belt.", "commonsense"],
  ["Where do you usually keep milk?", "In the fridge.", "commonsense"],
  ["What happens to water when it is heated to 100 degrees Celsius?", "It boils.", "commonsense"],
  ["A rectangle is 8 cm long and 5 cm wide. What is its area?", "40 square cm", "math"],
  ["Convert 5 kilometers to meters.", "5000 meters", "math"],
  ["What is the difference between 1,250 and 980?", "270", "math"],
  [
    "Explain what this regular expression matches: ^\\d{3}-\\d{4}$",
    "Seven digits with a dash.",
    "code",
  ],
  ["Write a bash command that counts the lines in a file.", "wc -l file", "code"],
  ["What is the difference between a list and a tuple in Python?", "Tuples are immutable.", "code"],
  ["Create a slogan for a recycling campaign.", "Bin it to win it.", "other"],
  ["Make a shopping list for a birthday party.", "Cake, candles, balloons.", "other"],
];
