// Start page: what the tool does, the symptom questionnaire, and the two ways forward (paste, or the example).
import { Link } from 'react-router';
import { ExampleButton } from '../../features/example/example-button';
import { NextSteps } from '../../features/questionnaire/next-steps';
import { Questionnaire } from '../../features/questionnaire/questionnaire';

export function Component() {
  return (
    <>
      <h1>Router at 100% CPU? Check for Code Red</h1>
      <p>
        Describe the symptoms (optional), then paste the router's <code>show</code> output. You get the infected hosts and
        the configuration that stops the damage, from Cisco's tech note on Code Red.
      </p>
      <div className="actions">
        <Link className="button" to="/paste">
          Skip to pasting output
        </Link>
        <ExampleButton />
      </div>
      {/* Wide screens: the feedback stays in view beside the questions; phones get it under each answer. */}
      <div className="symptoms-layout">
        <section aria-labelledby="symptoms-heading">
          <h2 id="symptoms-heading">Symptoms</h2>
          <Questionnaire />
        </section>
        <section aria-labelledby="next-heading" className="symptoms-aside">
          <h2 id="next-heading">What to check next</h2>
          <NextSteps />
        </section>
      </div>
      <div className="actions">
        <Link className="button" to="/paste">
          Next: paste router output
        </Link>
      </div>
    </>
  );
}
