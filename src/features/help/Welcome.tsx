import { Button } from "../../components/Button";

export interface WelcomeProps {
  onSamples: () => void;
  onPaste: () => void;
  onUpload: () => void;
}

/** The first screen: the method in two sentences and three ways to start. */
export function Welcome({ onSamples, onPaste, onUpload }: WelcomeProps) {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 p-10">
      <h1 className="text-2xl font-semibold">Welcome to IPT Studio</h1>
      <p className="text-neutral-700 dark:text-neutral-300">
        Instruction Pre-Training augments raw documents with instruction-response pairs written by a
        small instruction synthesizer, then pre-trains on the text plus its pairs. Here you
        synthesize those pairs on your own GPU or a server, review and fix them, and export a
        dataset.{" "}
        <a
          className="text-indigo-700 underline dark:text-indigo-300"
          href="https://arxiv.org/abs/2406.14491"
          target="_blank"
          rel="noreferrer"
        >
          Read the paper
        </a>
        .
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={onSamples}>
          Try with sample documents
        </Button>
        <Button onClick={onPaste}>Paste text</Button>
        <Button onClick={onUpload}>Upload files</Button>
      </div>
      <p className="text-xs text-neutral-500">
        Next: pick a model on the Models page (WebGPU in this browser, or any OpenAI-compatible
        server such as vLLM).
      </p>
    </div>
  );
}
