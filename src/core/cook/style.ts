import type { Rng } from "../random";
import type {
  BodyTemplate,
  FewShotHeadings,
  NumberedHeadings,
  NumberingStyle,
  OptionStyle,
  QaPattern,
  SpeakerPair,
  TemplatePack,
  TextWrapper,
} from "./template-pack";

/** Every template element one group is rendered with, sampled once per group. */
export interface GroupStyle {
  qa: QaPattern;
  multipleChoice: BodyTemplate;
  chainOfThought: BodyTemplate;
  multipleChoiceChainOfThought: BodyTemplate;
  optionStyle: OptionStyle;
  noneWording: string;
  numbering: NumberingStyle;
  numberedHeadings: NumberedHeadings;
  speakers: SpeakerPair;
  turn: string;
  dialogIntro: string;
  nextTurnPrompt: string;
  fewShot: FewShotHeadings;
  questionIntro: string;
  wrapper: TextWrapper;
  entrySeparator: string;
  inversionPhrase: string;
}

/**
 * Samples one style for a group. One style per group (not per pair) keeps the few-shot entries
 * of a group consistent, as the demonstrations were. Every element is drawn whether used or
 * not, so the stream position after this call does not depend on the group's content.
 */
export function sampleGroupStyle(pack: TemplatePack, rng: Rng): GroupStyle {
  return {
    qa: rng.pick(pack.qa),
    multipleChoice: rng.pick(pack.multipleChoice),
    chainOfThought: rng.pick(pack.chainOfThought),
    multipleChoiceChainOfThought: rng.pick(pack.multipleChoiceChainOfThought),
    optionStyle: rng.pick(pack.optionStyles),
    noneWording: rng.pick(pack.noneOfTheAbove.wordings),
    numbering: rng.pick(pack.numbering),
    numberedHeadings: rng.pick(pack.numberedHeadings),
    speakers: rng.pick(pack.dialog.speakers),
    turn: rng.pick(pack.dialog.turns),
    dialogIntro: rng.pick(pack.dialog.intros),
    nextTurnPrompt: rng.pick(pack.dialog.nextTurnPrompts),
    fewShot: rng.pick(pack.fewShot),
    questionIntro: rng.pick(pack.questionIntros),
    wrapper: rng.pick(pack.textWrappers),
    entrySeparator: rng.pick(pack.entrySeparators),
    inversionPhrase: rng.pick(pack.inversionPhrases),
  };
}
