// A request the rules do not allow (an illegal transition, someone without the role, a record that
// does not exist). Its message is written for the person who asked and is shown to them as is.
export class ActionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ActionRefused";
  }
}
